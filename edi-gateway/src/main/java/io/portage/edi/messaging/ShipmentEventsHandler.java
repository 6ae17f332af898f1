package io.portage.edi.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.shipment.ShipmentCreated;
import io.portage.contracts.shipment.ShipmentDispatched;
import io.portage.edi.service.ShipNotices;
import io.portage.edi.service.ShipmentFact;
import io.portage.kit.events.BatchHandler;
import io.portage.kit.events.SequencedEvent;
import io.smallrye.mutiny.Uni;

/**
 * The consumer {@value #CONSUMER} of {@code portage.shipments}, in order per shipment: ShipmentCreated and
 * ShipmentDispatched of customers who want 856s ({@link ShipNotices}); every other event only moves positions on.
 */
@ApplicationScoped
public class ShipmentEventsHandler implements BatchHandler<ShipmentFact> {

    static final String CONSUMER = "edi-gateway.shipments";

    private final ShipNotices shipNotices;
    private final ObjectMapper json;

    public ShipmentEventsHandler(ShipNotices shipNotices, ObjectMapper json) {
        this.shipNotices = shipNotices;
        this.json = json;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public List<ShipmentFact> read(SequencedEvent event) {
        if (EventCatalog.SHIPMENT_CREATED_V1.type().equals(event.type())) {
            ShipmentCreated created = event.data(json, ShipmentCreated.class);
            if (created.shipmentId() == null || created.orderId() == null) {
                throw new IllegalArgumentException("ShipmentCreated without " + (created.shipmentId() == null
                        ? "shipmentId"
                        : "orderId"));
            }
            return shipNotices.customer(created.partnerId()).isEmpty()
                    ? List.of()
                    : List.of(new ShipmentFact.Created(event.eventId(), created));
        }
        if (EventCatalog.SHIPMENT_DISPATCHED_V1.type().equals(event.type())) {
            ShipmentDispatched dispatched = event.data(json, ShipmentDispatched.class);
            if (dispatched.shipmentId() == null) {
                throw new IllegalArgumentException("ShipmentDispatched without shipmentId");
            }
            return List.of(new ShipmentFact.Dispatched(event.eventId(), dispatched));
        }
        return List.of();
    }

    @Override
    public String inboxKey(ShipmentFact fact) {
        return fact.eventId();
    }

    @Override
    public Uni<Applied<ShipmentFact>> apply(List<ShipmentFact> fresh) {
        return shipNotices.apply(fresh).map(Applied::all);
    }
}
