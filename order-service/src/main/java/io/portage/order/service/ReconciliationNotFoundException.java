package io.portage.order.service;

import java.util.UUID;

import io.portage.kit.domain.NotFoundException;

/** No inventory reconciliation by that id. */
public class ReconciliationNotFoundException extends NotFoundException {

    public ReconciliationNotFoundException(UUID id) {
        super("Reconciliation " + id + " does not exist");
    }
}
