package io.portage.shipment.service;

import java.util.UUID;

import io.portage.kit.domain.NotFoundException;

/** The shipment has no proof-of-delivery image of that kind (its carrier sent none, or not yet). */
public class ProofNotFoundException extends NotFoundException {

    public ProofNotFoundException(UUID shipmentId, String kind) {
        super("Shipment " + shipmentId + " has no " + kind + " from its carrier");
    }
}
