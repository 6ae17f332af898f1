package io.portage.edi.messaging;

import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.warehouse.PackConfirmed;
import io.portage.edi.service.ShipNotices;
import io.portage.edi.service.ShipmentFact;
import io.portage.kit.events.OneTypeHandler;
import io.portage.kit.events.SequencedEvent;
import io.smallrye.mutiny.Uni;

/**
 * The consumer {@value #CONSUMER} of {@code portage.warehouse}: PackConfirmed, whose parcels' SSCCs the 856s of
 * customers who want a pack level list. Unordered: a parcel is a fact kept once, and several producers number events
 * on this topic by order.
 */
@Singleton
public class PackEventsHandler extends OneTypeHandler<PackConfirmed, ShipmentFact> {

    static final String CONSUMER = "edi-gateway.packs";

    private final ShipNotices shipNotices;

    public PackEventsHandler(ShipNotices shipNotices, ObjectMapper json) {
        super(CONSUMER, EventCatalog.PACK_CONFIRMED_V1, PackConfirmed.class, json);
        this.shipNotices = shipNotices;
    }

    @Override
    protected ShipmentFact item(SequencedEvent event, PackConfirmed packed) {
        if (packed.orderId() == null) {
            throw new IllegalArgumentException("PackConfirmed without orderId");
        }
        return new ShipmentFact.Packed(event.eventId(), packed);
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
