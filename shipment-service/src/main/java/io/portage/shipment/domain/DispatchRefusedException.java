package io.portage.shipment.domain;

/** What a dispatch names as shipped does not fit the shipment: a SKU not in it, more than it holds, or nothing. */
public class DispatchRefusedException extends RuntimeException {

    private final String field;

    public DispatchRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
