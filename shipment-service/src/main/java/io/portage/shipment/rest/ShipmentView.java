package io.portage.shipment.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.portage.shipment.domain.Shipment;

/** A shipment as the API shows it. */
public record ShipmentView(UUID id, UUID orderId, String partnerId, String warehouse, String status, Shipment.ShipTo shipTo,
        int lineCount, BigDecimal totalQuantity, String correlationId, Instant plannedAt) {

    static ShipmentView of(Shipment shipment) {
        return new ShipmentView(shipment.id(), shipment.orderId(), shipment.partnerId(), shipment.warehouse(),
                shipment.status().name(), shipment.shipTo(), shipment.lineCount(), shipment.totalQuantity(),
                shipment.correlationId(), shipment.plannedAt());
    }
}
