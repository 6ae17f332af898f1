package io.portage.shipment.messaging;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.shipment.ShipmentCancelled;
import io.portage.contracts.shipment.ShipmentCreated;
import io.portage.kit.events.EventEnvelope;
import io.portage.kit.events.Outbox;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.service.ShipmentEvents;
import io.smallrye.mutiny.Uni;

/**
 * Shipment events for {@code portage.shipments}, staged in the transactional outbox inside the caller's transaction;
 * the outbox relay publishes them as CloudEvents keyed by shipment id, numbered per shipment (ShipmentCreated is 1).
 */
@ApplicationScoped
public class ShipmentEventPublisher implements ShipmentEvents {

    static final URI SOURCE = URI.create("urn:portage:shipment-service");

    private final Outbox outbox;

    public ShipmentEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<UUID> created(Shipment shipment) {
        return outbox.stage(EventCatalog.SHIPMENT_CREATED_V1,
                new ShipmentCreated(shipment.id().toString(), shipment.orderId().toString(), shipment.partnerId(),
                        shipment.warehouse(), shipment.shipTo().country(),
                        ShipmentCreated.ServiceLevel.valueOf(shipment.serviceLevel()), shipment.plannedAt()),
                envelope(shipment, shipment.plannedAt(), 1L));
    }

    @Override
    public Uni<UUID> cancelled(Shipment shipment) {
        return outbox.stage(EventCatalog.SHIPMENT_CANCELLED_V1,
                new ShipmentCancelled(shipment.id().toString(), shipment.orderId().toString(), shipment.cancelReason(),
                        shipment.cancelledAt()),
                envelope(shipment, shipment.cancelledAt(), shipment.nextSequence()));
    }

    private static EventEnvelope envelope(Shipment shipment, Instant time, long sequence) {
        return new EventEnvelope(SOURCE, shipment.id().toString(), time, shipment.correlationId(), shipment.partnerId(),
                sequence);
    }
}
