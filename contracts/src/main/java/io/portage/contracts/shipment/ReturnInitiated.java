package io.portage.contracts.shipment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A return was opened for all or part of a shipment ({@code io.portage.shipment.return-initiated.v1} on
 * {@code portage.shipments}, subject = {@code shipmentId}).
 */
@RegisterForReflection
public record ReturnInitiated(
        String shipmentId,
        String returnId,
        ReasonCode reasonCode,
        List<Line> lines,
        Instant initiatedAt) {

    /** Why goods come back. */
    @RegisterForReflection
    public enum ReasonCode {
        DAMAGED, WRONG_ITEM, NOT_WANTED, REFUSED_ON_DELIVERY, UNDELIVERABLE, OTHER
    }

    /** A SKU and a positive quantity to be returned. */
    @RegisterForReflection
    public record Line(String sku, BigDecimal quantity) {
    }
}
