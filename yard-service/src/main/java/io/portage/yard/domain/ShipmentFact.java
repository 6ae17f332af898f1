package io.portage.yard.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One fact shipment-service told about a shipment, as far as the yard cares: its warehouse (when created), its carrier
 * (when labelled) and how far it went. Fields a fact does not carry are null.
 */
public record ShipmentFact(String eventId, UUID shipmentId, OutboundShipment.Status status, String orderId,
        String partnerId, String warehouse, String carrier, Instant at) {
}
