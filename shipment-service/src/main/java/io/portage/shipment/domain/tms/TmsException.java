package io.portage.shipment.domain.tms;

/** The TMS did not take a call: away (timeout, 5xx, refused connection, circuit open) or refused (4xx). */
public class TmsException extends RuntimeException {

    private final boolean unavailable;

    public TmsException(boolean unavailable, String message) {
        super(message, null, false, false);
        this.unavailable = unavailable;
    }

    public boolean unavailable() {
        return unavailable;
    }
}
