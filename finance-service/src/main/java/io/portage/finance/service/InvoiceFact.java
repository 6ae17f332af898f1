package io.portage.finance.service;

import java.time.Instant;

import io.portage.finance.domain.ShipmentFact;

/** A fact the invoice release acts on, read from one event: an order released, or something that befell a shipment. */
public sealed interface InvoiceFact {

    String eventId();

    /** order.released.v2: the order, its customer and its Odoo sale order. */
    record Released(String eventId, String correlationId, String orderId, String partnerId, long saleOrderId)
            implements
                InvoiceFact {
    }

    /** shipment created (with its order), dispatched or delivered (proof of delivery). */
    record Shipment(String eventId, String shipmentId, ShipmentFact.Kind kind, String orderId, String partnerId,
            Instant at) implements InvoiceFact {
    }

    /** return-received: goods of a shipment came back, in these conditions. */
    record Returned(String eventId, String correlationId, String shipmentId, String returnId,
            java.util.Set<String> conditions, Instant at) implements InvoiceFact {
    }
}
