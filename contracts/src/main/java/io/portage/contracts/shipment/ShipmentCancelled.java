package io.portage.contracts.shipment;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A shipment was cancelled before dispatch because its order was cancelled ({@code io.portage.shipment.cancelled.v1}
 * on {@code portage.shipments}, subject = {@code shipmentId}). Terminal.
 */
@RegisterForReflection
public record ShipmentCancelled(
        String shipmentId,
        String orderId,
        String reason,
        Instant cancelledAt) {
}
