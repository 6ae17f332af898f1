package io.portage.finance.service;

/** A carrier invoice (a file's row, a call's field) that cannot be audited as it is, naming where it is wrong. */
public class InvalidCarrierInvoiceException extends RuntimeException {

    private final String field;

    public InvalidCarrierInvoiceException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
