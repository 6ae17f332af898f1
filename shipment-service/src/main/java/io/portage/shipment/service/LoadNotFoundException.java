package io.portage.shipment.service;

import java.util.UUID;

import io.portage.kit.domain.NotFoundException;

/** No load of that shipment at the TMS (never tendered, or not a shipment of this service). */
public class LoadNotFoundException extends NotFoundException {

    public LoadNotFoundException(UUID shipmentId) {
        super("No TMS load for shipment " + shipmentId);
    }
}
