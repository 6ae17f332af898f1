package io.portage.shipment.service;

import java.util.UUID;

import io.portage.kit.domain.NotFoundException;

/** No shipment by that id, or not one the caller may see (another partner's is not revealed). */
public class ShipmentNotFoundException extends NotFoundException {

    public ShipmentNotFoundException(UUID id) {
        super("Shipment " + id + " does not exist");
    }
}
