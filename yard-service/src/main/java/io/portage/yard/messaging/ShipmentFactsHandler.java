package io.portage.yard.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.shipment.LabelGeneratedV2;
import io.portage.contracts.shipment.ShipmentCancelled;
import io.portage.contracts.shipment.ShipmentCreated;
import io.portage.contracts.shipment.ShipmentDispatched;
import io.portage.kit.events.BatchHandler;
import io.portage.kit.events.SequencedEvent;
import io.portage.yard.domain.OutboundShipment.Status;
import io.portage.yard.domain.ShipmentFact;
import io.portage.yard.service.OutboundShipments;
import io.smallrye.mutiny.Uni;

/**
 * Consumer {@value #CONSUMER}: reads shipment-service's created, label-generated (v2), dispatched and cancelled facts
 * from {@code portage.shipments} (other types: nothing) into {@link ShipmentFact}s for {@link OutboundShipments}.
 * Unordered: what the yard knows of a shipment is the same whatever the order of its facts.
 */
@Singleton
public class ShipmentFactsHandler implements BatchHandler<ShipmentFact> {

    public static final String CONSUMER = "yard-service.shipments";

    private final OutboundShipments shipments;
    private final ObjectMapper json;

    public ShipmentFactsHandler(OutboundShipments shipments, ObjectMapper json) {
        this.shipments = shipments;
        this.json = json;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public boolean ordered() {
        return false;
    }

    @Override
    public List<ShipmentFact> read(SequencedEvent event) {
        String type = event.type();
        if (type.equals(EventCatalog.SHIPMENT_CREATED_V1.type())) {
            ShipmentCreated created = event.data(json, ShipmentCreated.class);
            require(created.warehouse() != null && created.createdAt() != null, "warehouse and createdAt");
            return List.of(new ShipmentFact(event.eventId(), id(created.shipmentId()), Status.PLANNED, created.orderId(),
                    created.partnerId(), created.warehouse(), null, created.createdAt()));
        }
        if (type.equals(EventCatalog.LABEL_GENERATED_V2.type())) {
            LabelGeneratedV2 label = event.data(json, LabelGeneratedV2.class);
            require(label.carrier() != null && label.generatedAt() != null, "carrier and generatedAt");
            return List.of(fact(event, label.shipmentId(), Status.LABELLED, label.carrier(), label.generatedAt()));
        }
        if (type.equals(EventCatalog.SHIPMENT_DISPATCHED_V1.type())) {
            ShipmentDispatched dispatched = event.data(json, ShipmentDispatched.class);
            require(dispatched.dispatchedAt() != null, "dispatchedAt");
            return List.of(fact(event, dispatched.shipmentId(), Status.DISPATCHED, dispatched.carrier(),
                    dispatched.dispatchedAt()));
        }
        if (type.equals(EventCatalog.SHIPMENT_CANCELLED_V1.type())) {
            ShipmentCancelled cancelled = event.data(json, ShipmentCancelled.class);
            require(cancelled.cancelledAt() != null, "cancelledAt");
            return List.of(fact(event, cancelled.shipmentId(), Status.CANCELLED, null, cancelled.cancelledAt()));
        }
        return List.of();
    }

    @Override
    public String inboxKey(ShipmentFact fact) {
        return fact.eventId();
    }

    @Override
    public Uni<Applied<ShipmentFact>> apply(List<ShipmentFact> fresh) {
        return shipments.learn(fresh).map(changed -> Applied.all(fresh.size() + " facts on " + changed + " shipments"));
    }

    private static ShipmentFact fact(SequencedEvent event, String shipmentId, Status status, String carrier, Instant at) {
        return new ShipmentFact(event.eventId(), id(shipmentId), status, null, null, null, carrier, at);
    }

    private static void require(boolean present, String what) {
        if (!present) {
            throw new IllegalArgumentException("a shipment fact needs " + what);
        }
    }

    private static UUID id(String shipmentId) {
        try {
            return UUID.fromString(shipmentId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("shipmentId is not a UUID: " + shipmentId);
        }
    }
}
