package io.portage.contracts.shipment;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The carrier reported a tracking scan for a shipment on its way ({@code io.portage.shipment.tracking-updated.v1} on
 * {@code portage.shipments}, subject = {@code shipmentId}).
 */
@RegisterForReflection
public record TrackingUpdated(
        String shipmentId,
        String trackingNumber,
        String carrierStatus,
        String description,
        Location location,
        Instant estimatedDeliveryAt,
        Instant occurredAt) {

    /** Where a scan happened; {@code country} is ISO 3166-1 alpha-2. */
    @RegisterForReflection
    public record Location(String city, String country) {
    }
}
