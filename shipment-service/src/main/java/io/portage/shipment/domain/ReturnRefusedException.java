package io.portage.shipment.domain;

/** A return's lines do not fit: a SKU twice, one not in the return, more received than announced, or received twice. */
public class ReturnRefusedException extends RuntimeException {

    private final String field;

    public ReturnRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
