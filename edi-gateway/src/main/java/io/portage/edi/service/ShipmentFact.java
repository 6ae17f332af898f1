package io.portage.edi.service;

import io.portage.contracts.shipment.ShipmentCreated;
import io.portage.contracts.shipment.ShipmentDispatched;
import io.portage.contracts.warehouse.PackConfirmed;

/** A fact about a customer's shipment that its 856 is built from, with the id of the event that told it. */
public sealed interface ShipmentFact {

    String eventId();

    /** shipment-service planned a shipment for an order ({@code portage.shipments}). */
    record Created(String eventId, ShipmentCreated event) implements ShipmentFact {
    }

    /** The shipment left with its carrier ({@code portage.shipments}). */
    record Dispatched(String eventId, ShipmentDispatched event) implements ShipmentFact {
    }

    /** The warehouse packed the order into parcels with their SSCCs ({@code portage.warehouse}). */
    record Packed(String eventId, PackConfirmed event) implements ShipmentFact {
    }
}
