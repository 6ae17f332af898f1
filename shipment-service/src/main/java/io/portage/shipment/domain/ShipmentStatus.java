package io.portage.shipment.domain;

/**
 * Where a shipment stands: planned from a released order, labelled with a carrier, dispatched, or cancelled with its
 * order before dispatch.
 */
public enum ShipmentStatus {

    PLANNED, LABELLED, DISPATCHED, CANCELLED;

    /** Whether the shipment has not left yet, so a cancelled order still cancels it. */
    public boolean beforeDispatch() {
        return this == PLANNED || this == LABELLED;
    }
}
