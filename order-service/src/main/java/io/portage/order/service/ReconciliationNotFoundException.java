package io.portage.order.service;

import java.util.UUID;

/** No inventory reconciliation by that id. */
public class ReconciliationNotFoundException extends RuntimeException {

    public ReconciliationNotFoundException(UUID id) {
        super("Reconciliation " + id + " does not exist");
    }
}
