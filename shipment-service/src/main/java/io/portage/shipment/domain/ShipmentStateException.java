package io.portage.shipment.domain;

import java.util.UUID;

/** A shipment is not in a state that allows what was asked (a label for a cancelled shipment, a dispatch without one). */
public class ShipmentStateException extends RuntimeException {

    public ShipmentStateException(UUID id, ShipmentStatus status, String action) {
        super("Shipment " + id + " is " + status + ": cannot " + action);
    }
}
