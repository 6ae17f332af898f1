package io.portage.edi.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.warehouse.PackConfirmed;
import io.portage.edi.service.ShipNotices;
import io.portage.edi.service.ShipmentFact;
import io.portage.kit.events.BatchHandler;
import io.portage.kit.events.SequencedEvent;
import io.smallrye.mutiny.Uni;

/**
 * The consumer {@value #CONSUMER} of {@code portage.warehouse}: PackConfirmed, whose parcels' SSCCs the 856s of
 * customers who want a pack level list. Unordered: a parcel is a fact kept once, and several producers number events
 * on this topic by order.
 */
@ApplicationScoped
public class PackEventsHandler implements BatchHandler<ShipmentFact> {

    static final String CONSUMER = "edi-gateway.packs";

    private final ShipNotices shipNotices;
    private final ObjectMapper json;

    public PackEventsHandler(ShipNotices shipNotices, ObjectMapper json) {
        this.shipNotices = shipNotices;
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
        if (!EventCatalog.PACK_CONFIRMED_V1.type().equals(event.type())) {
            return List.of();
        }
        PackConfirmed packed = event.data(json, PackConfirmed.class);
        if (packed.orderId() == null) {
            throw new IllegalArgumentException("PackConfirmed without orderId");
        }
        return List.of(new ShipmentFact.Packed(event.eventId(), packed));
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
