package io.portage.contracts.warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The warehouse confirmed the picks of a released order ({@code io.portage.warehouse.pick-confirmed.v1} on
 * {@code portage.warehouse}, subject = {@code orderId}).
 */
@RegisterForReflection
public record PickConfirmed(
        String orderId,
        String site,
        List<Line> lines,
        String pickerId,
        Instant confirmedAt) {

    /** One pick: the order line, SKU, a positive quantity and the bin location it came from. */
    @RegisterForReflection
    public record Line(int lineNumber, String sku, BigDecimal quantity, String location) {
    }
}
