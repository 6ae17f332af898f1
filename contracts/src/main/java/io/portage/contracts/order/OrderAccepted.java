package io.portage.contracts.order;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * order-service accepted a received order: its lines, address and partner checked out and the warehouse will fulfil
 * it ({@code io.portage.order.accepted.v1} on {@code portage.orders}, subject = {@code orderId}).
 */
@RegisterForReflection
public record OrderAccepted(
        String orderId,
        String partnerId,
        String warehouse,
        Instant promisedShipBy,
        Instant acceptedAt) {
}
