package io.portage.shipment.service;

import java.util.UUID;

/** No return by that id for that shipment. */
public class ReturnNotFoundException extends RuntimeException {

    public ReturnNotFoundException(UUID id) {
        super("Return " + id + " does not exist for this shipment");
    }
}
