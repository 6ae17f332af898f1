package io.portage.shipment.service;

import io.portage.contracts.order.OrderCancelled;
import io.portage.contracts.order.OrderReleasedV2;

/** What shipment-service takes from one order event: a release plans a shipment, a cancellation cancels it. */
public sealed interface OrderFact {

    /** The id of the event it came from (the inbox key). */
    String eventId();

    String correlationId();

    /** An order released to its warehouse or 3PL ({@code order.released.v2}). */
    record Released(String eventId, String correlationId, OrderReleasedV2 order) implements OrderFact {
    }

    /** An order cancelled ({@code order.cancelled.v1}). */
    record Cancelled(String eventId, String correlationId, OrderCancelled cancellation) implements OrderFact {
    }
}
