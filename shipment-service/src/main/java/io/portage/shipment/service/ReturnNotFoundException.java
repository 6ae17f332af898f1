package io.portage.shipment.service;

import java.util.UUID;

import io.portage.kit.domain.NotFoundException;

/** No return by that id for that shipment. */
public class ReturnNotFoundException extends NotFoundException {

    public ReturnNotFoundException(UUID id) {
        super("Return " + id + " does not exist for this shipment");
    }
}
