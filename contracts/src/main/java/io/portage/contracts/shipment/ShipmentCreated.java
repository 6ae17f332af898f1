package io.portage.contracts.shipment;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * shipment-service planned a shipment for an order ({@code io.portage.shipment.created.v1} on
 * {@code portage.shipments}, subject = {@code shipmentId}).
 */
@RegisterForReflection
public record ShipmentCreated(
        String shipmentId,
        String orderId,
        String partnerId,
        String warehouse,
        String destinationCountry,
        ServiceLevel serviceLevel,
        Instant createdAt) {

    /** How fast the shipment is to travel. */
    @RegisterForReflection
    public enum ServiceLevel {
        ECONOMY, STANDARD, EXPRESS
    }
}
