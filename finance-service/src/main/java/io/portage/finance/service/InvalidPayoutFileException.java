package io.portage.finance.service;

/** A payout export that cannot be read: the field names the row and column (or the header) at fault. */
public class InvalidPayoutFileException extends RuntimeException {

    private final String field;

    public InvalidPayoutFileException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
