package io.portage.contracts.warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A third-party warehouse confirmed it shipped a released order (its X12 945 shipping advice, read by edi-gateway):
 * with which carrier and tracking number, and how much of each line left
 * ({@code io.portage.warehouse.ship-confirmed.v1} on {@code portage.warehouse}, subject = {@code orderId}).
 */
@RegisterForReflection
public record ShipConfirmed(
        String orderId,
        String site,
        String carrier,
        String trackingNumber,
        String shipmentReference,
        List<Line> lines,
        Instant shippedAt) {

    /** One line of the order: the quantity ordered and the quantity shipped (less when short). */
    @RegisterForReflection
    public record Line(int lineNumber, String sku, BigDecimal orderedQuantity, BigDecimal shippedQuantity) {
    }
}
