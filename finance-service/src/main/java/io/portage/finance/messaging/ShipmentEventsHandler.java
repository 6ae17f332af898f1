package io.portage.finance.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.shipment.LabelGeneratedV2;
import io.portage.finance.service.CarrierChargeLedger;
import io.portage.kit.events.BatchHandler;
import io.portage.kit.events.SequencedEvent;
import io.smallrye.mutiny.Uni;

/**
 * The consumer {@value CarrierChargeLedger#CONSUMER} of {@code portage.shipments}: each LabelGenerated (v2) records the
 * label's cost as a confirmed carrier charge (once, the kit's inbox); the other shipment events are not finance's yet.
 * A charge does not depend on what came before it, so the events are applied as they come.
 */
@ApplicationScoped
public class ShipmentEventsHandler implements BatchHandler<CarrierChargeLedger.LabelBought> {

    private static final String LABEL_GENERATED = EventCatalog.LABEL_GENERATED_V2.type();

    private final CarrierChargeLedger ledger;
    private final ObjectMapper json;

    public ShipmentEventsHandler(CarrierChargeLedger ledger, ObjectMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    @Override
    public String consumer() {
        return CarrierChargeLedger.CONSUMER;
    }

    @Override
    public boolean ordered() {
        return false;
    }

    @Override
    public List<CarrierChargeLedger.LabelBought> read(SequencedEvent event) {
        if (!LABEL_GENERATED.equals(event.type())) {
            return List.of();
        }
        LabelGeneratedV2 label;
        try {
            label = json.readValue(event.payload(), LabelGeneratedV2.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a LabelGenerated v2: " + e.getOriginalMessage(), e);
        }
        String missing = label == null
                ? "a payload"
                : label.shipmentId() == null
                        ? "shipmentId"
                        : label.carrier() == null
                                ? "carrier"
                                : label.trackingNumber() == null
                                        ? "trackingNumber"
                                        : label.cost() == null ? "cost" : label.generatedAt() == null ? "generatedAt" : null;
        if (missing != null) {
            throw new IllegalArgumentException("LabelGenerated v2 without " + missing);
        }
        return List.of(new CarrierChargeLedger.LabelBought(event.eventId(),
                event.headers().get("ce_" + CloudEventAttributes.CORRELATION_ID), label));
    }

    @Override
    public String inboxKey(CarrierChargeLedger.LabelBought item) {
        return item.eventId();
    }

    @Override
    public Uni<Applied<CarrierChargeLedger.LabelBought>> apply(List<CarrierChargeLedger.LabelBought> fresh) {
        return ledger.record(fresh).map(Applied::all);
    }
}
