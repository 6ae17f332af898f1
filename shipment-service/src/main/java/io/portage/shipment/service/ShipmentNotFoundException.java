package io.portage.shipment.service;

import java.util.UUID;

/** No shipment by that id, or not one the caller may see (another partner's is not revealed). */
public class ShipmentNotFoundException extends RuntimeException {

    public ShipmentNotFoundException(UUID id) {
        super("Shipment " + id + " does not exist");
    }
}
