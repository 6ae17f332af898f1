package io.portage.contracts.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * order-service released an accepted order to its warehouse for picking, with the lines to pick
 * ({@code io.portage.order.released.v1} on {@code portage.orders}, subject = {@code orderId}).
 */
@RegisterForReflection
public record OrderReleased(
        String orderId,
        String partnerId,
        String warehouse,
        List<Line> lines,
        Instant shipBy,
        Instant releasedAt) {

    /** One line to pick: the SKU and a positive quantity. */
    @RegisterForReflection
    public record Line(int lineNumber, String sku, BigDecimal quantity) {
    }
}
