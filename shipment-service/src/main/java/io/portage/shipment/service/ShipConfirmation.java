package io.portage.shipment.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.portage.shipment.domain.ShipmentLine;

/** A 3PL's shipping advice (945) for an order: its carrier and tracking number, and what left (empty: not said; a line of 0 did not ship). */
public record ShipConfirmation(String eventId, UUID orderId, String carrier, String trackingNumber,
        List<ShipmentLine> shipped, Instant shippedAt) {

    public ShipConfirmation {
        shipped = List.copyOf(shipped);
    }
}
