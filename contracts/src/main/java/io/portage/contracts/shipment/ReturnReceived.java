package io.portage.contracts.shipment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Returned goods arrived back at a warehouse and were inspected ({@code io.portage.shipment.return-received.v1} on
 * {@code portage.shipments}, subject = {@code shipmentId}). Terminal.
 */
@RegisterForReflection
public record ReturnReceived(
        String shipmentId,
        String returnId,
        String site,
        List<Line> lines,
        Instant receivedAt) {

    /** A SKU, a positive quantity and the condition it came back in. */
    @RegisterForReflection
    public record Line(String sku, BigDecimal quantity, Condition condition) {
    }

    /** The condition returned goods are in after inspection. */
    @RegisterForReflection
    public enum Condition {
        RESELLABLE, DAMAGED, SCRAP
    }
}
