package io.portage.shipment.service;

/** A carrier webhook refused: no such webhook carrier, a missing or wrong signature, or a body that is not an event. */
public class WebhookRefusedException extends RuntimeException {

    /** Why it was refused. */
    public enum Reason {
        UNKNOWN_CARRIER, BAD_SIGNATURE, UNREADABLE
    }

    private final Reason reason;

    public WebhookRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
