package io.portage.shipment.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.portage.shipment.domain.Shipment;

/** A shipment as the API shows it. */
public record ShipmentView(UUID id, UUID orderId, String partnerId, String warehouse, String status, ShipTo shipTo,
        Fulfiller fulfiller, String serviceLevel, int lineCount, BigDecimal totalQuantity, String correlationId,
        Instant plannedAt, Instant shipBy, Instant cancelledAt, String cancelReason) {

    /** Where the shipment goes (the street stays with the carrier's label). */
    public record ShipTo(String name, String city, String postalCode, String country) {
    }

    /** Who picks and ships it: {@code WAREHOUSE} or {@code THIRD_PARTY}, and its id. */
    public record Fulfiller(String type, String id) {
    }

    static ShipmentView of(Shipment shipment) {
        Shipment.ShipTo shipTo = shipment.shipTo();
        return new ShipmentView(shipment.id(), shipment.orderId(), shipment.partnerId(), shipment.warehouse(),
                shipment.status().name(), new ShipTo(shipTo.name(), shipTo.city(), shipTo.postalCode(), shipTo.country()),
                shipment.fulfiller().type() == null
                        ? null
                        : new Fulfiller(shipment.fulfiller().type(), shipment.fulfiller().id()),
                shipment.serviceLevel(), shipment.lineCount(), shipment.totalQuantity(), shipment.correlationId(),
                shipment.plannedAt(), shipment.shipBy(), shipment.cancelledAt(), shipment.cancelReason());
    }
}
