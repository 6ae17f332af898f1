package io.portage.shipment.domain.tms;

/** yard-service did not book or move a dock appointment: refused by its rules, or away (tried again later). */
public class DockAppointmentException extends RuntimeException {

    private final boolean refused;

    public DockAppointmentException(boolean refused, String message) {
        super(message, null, false, false);
        this.refused = refused;
    }

    public boolean refused() {
        return refused;
    }
}
