package io.portage.contracts.shipment;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A shipment left the warehouse with its carrier ({@code io.portage.shipment.dispatched.v1} on
 * {@code portage.shipments}, subject = {@code shipmentId}).
 */
@RegisterForReflection
public record ShipmentDispatched(
        String shipmentId,
        String carrier,
        String trackingNumber,
        String appointmentId,
        int parcels,
        Instant dispatchedAt) {
}
