package io.portage.edge.rest;

import java.util.UUID;

import io.portage.edge.service.EdgeIntakeService;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer for one event posted to {@code /api/v1/events}: its id and {@code stored} or {@code duplicate}. */
@RegisterForReflection
public record EventReceipt(UUID id, String status) {

    public static final String STORED = "stored";
    public static final String DUPLICATE = "duplicate";

    static EventReceipt of(EdgeIntakeService.Receipt receipt) {
        return new EventReceipt(receipt.id(), receipt.duplicate() ? DUPLICATE : STORED);
    }

    boolean duplicate() {
        return DUPLICATE.equals(status);
    }
}
