package io.portage.finance.messaging;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.shipment.LabelGeneratedV2;
import io.portage.contracts.shipment.ProofOfDeliveryReceived;
import io.portage.contracts.shipment.ReturnLabelGenerated;
import io.portage.contracts.shipment.ReturnReceived;
import io.portage.contracts.shipment.ShipmentCreated;
import io.portage.contracts.shipment.ShipmentDispatched;
import io.portage.finance.domain.ShipmentFact;
import io.portage.finance.service.CarrierChargeLedger;
import io.portage.finance.service.InvoiceFact;
import io.portage.finance.service.InvoiceRelease;
import io.portage.finance.service.Refunds;
import io.portage.kit.events.BatchHandler;
import io.portage.kit.events.SequencedEvent;
import io.smallrye.mutiny.Uni;

/**
 * The consumer {@value CarrierChargeLedger#CONSUMER} of {@code portage.shipments} (once per event id, the kit's inbox):
 * each LabelGenerated (v2) and ReturnLabelGenerated (v1) records the label's cost as a confirmed carrier charge; ShipmentCreated, ShipmentDispatched
 * and ProofOfDeliveryReceived are the facts the invoice release waits for; ReturnReceived opens a refund. Neither depends on what came before, so the
 * events are applied as they come.
 */
@ApplicationScoped
public class ShipmentEventsHandler implements BatchHandler<ShipmentEventsHandler.Item> {

    private static final String LABEL_GENERATED = EventCatalog.LABEL_GENERATED_V2.type();
    private static final String CREATED = EventCatalog.SHIPMENT_CREATED_V1.type();
    private static final String DISPATCHED = EventCatalog.SHIPMENT_DISPATCHED_V1.type();
    private static final String DELIVERED = EventCatalog.PROOF_OF_DELIVERY_RECEIVED_V1.type();
    private static final String RETURNED = EventCatalog.RETURN_RECEIVED_V1.type();
    private static final String RETURN_LABEL_GENERATED = EventCatalog.RETURN_LABEL_GENERATED_V1.type();

    private final CarrierChargeLedger ledger;
    private final InvoiceRelease release;
    private final Refunds refunds;
    private final ObjectMapper json;

    public ShipmentEventsHandler(CarrierChargeLedger ledger, InvoiceRelease release, Refunds refunds, ObjectMapper json) {
        this.ledger = ledger;
        this.release = release;
        this.refunds = refunds;
        this.json = json;
    }

    /** What one shipment event holds for finance: a label bought, or a fact for the invoice release. */
    public sealed interface Item {

        String eventId();

        /** A label bought. */
        record Label(CarrierChargeLedger.LabelBought bought) implements Item {

            @Override
            public String eventId() {
                return bought.eventId();
            }
        }

        /** A return label bought. */
        record ReturnLabel(CarrierChargeLedger.ReturnLabelBought bought) implements Item {

            @Override
            public String eventId() {
                return bought.eventId();
            }
        }

        /** Goods of a shipment returned. */
        record Return(InvoiceFact.Returned returned) implements Item {

            @Override
            public String eventId() {
                return returned.eventId();
            }
        }

        /** A shipment created, dispatched or delivered. */
        record Fact(InvoiceFact.Shipment fact) implements Item {

            @Override
            public String eventId() {
                return fact.eventId();
            }
        }
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
    public List<Item> read(SequencedEvent event) {
        String type = event.type();
        if (LABEL_GENERATED.equals(type)) {
            return List.of(label(event));
        }
        if (RETURN_LABEL_GENERATED.equals(type)) {
            return List.of(returnLabel(event));
        }
        if (CREATED.equals(type)) {
            ShipmentCreated created = parse(event.payload(), ShipmentCreated.class);
            require(created != null && created.shipmentId() != null && created.orderId() != null,
                    "ShipmentCreated without shipmentId or orderId");
            return List.of(fact(event, created.shipmentId(), ShipmentFact.Kind.CREATED, created.orderId(),
                    created.partnerId(), Instant.now()));
        }
        if (DISPATCHED.equals(type)) {
            ShipmentDispatched dispatched = parse(event.payload(), ShipmentDispatched.class);
            require(dispatched != null && dispatched.shipmentId() != null && dispatched.dispatchedAt() != null,
                    "ShipmentDispatched without shipmentId or dispatchedAt");
            return List.of(fact(event, dispatched.shipmentId(), ShipmentFact.Kind.DISPATCHED, null, null,
                    dispatched.dispatchedAt()));
        }
        if (DELIVERED.equals(type)) {
            ProofOfDeliveryReceived pod = parse(event.payload(), ProofOfDeliveryReceived.class);
            require(pod != null && pod.shipmentId() != null && pod.deliveredAt() != null,
                    "ProofOfDeliveryReceived without shipmentId or deliveredAt");
            return List.of(fact(event, pod.shipmentId(), ShipmentFact.Kind.DELIVERED, null, null, pod.deliveredAt()));
        }
        if (RETURNED.equals(type)) {
            ReturnReceived returned = parse(event.payload(), ReturnReceived.class);
            require(returned != null && returned.shipmentId() != null && returned.returnId() != null
                    && returned.lines() != null && !returned.lines().isEmpty() && returned.receivedAt() != null
                    && returned.lines().stream().allMatch(line -> line != null && line.condition() != null),
                    "ReturnReceived without shipmentId, returnId, receivedAt or lines with their condition");
            return List.of(new Item.Return(new InvoiceFact.Returned(event.eventId(),
                    event.headers().get("ce_" + CloudEventAttributes.CORRELATION_ID), returned.shipmentId(),
                    returned.returnId(), returned.lines()
                            .stream()
                            .map(line -> line.condition().name())
                            .collect(Collectors.toSet()),
                    returned.receivedAt())));
        }
        return List.of();
    }

    private Item label(SequencedEvent event) {
        LabelGeneratedV2 label = parse(event.payload(), LabelGeneratedV2.class);
        require(label != null, "LabelGenerated v2 without a payload");
        requireAll("LabelGenerated v2", "shipmentId", label.shipmentId(), "carrier", label.carrier(), "trackingNumber",
                label.trackingNumber(), "cost", label.cost(), "generatedAt", label.generatedAt());
        return new Item.Label(new CarrierChargeLedger.LabelBought(event.eventId(),
                event.headers().get("ce_" + CloudEventAttributes.CORRELATION_ID), label));
    }

    private Item returnLabel(SequencedEvent event) {
        ReturnLabelGenerated label = parse(event.payload(), ReturnLabelGenerated.class);
        require(label != null, "ReturnLabelGenerated v1 without a payload");
        requireAll("ReturnLabelGenerated v1", "shipmentId", label.shipmentId(), "returnId", label.returnId(), "carrier",
                label.carrier(), "trackingNumber", label.trackingNumber(), "cost", label.cost(), "generatedAt",
                label.generatedAt());
        return new Item.ReturnLabel(new CarrierChargeLedger.ReturnLabelBought(event.eventId(),
                event.headers().get("ce_" + CloudEventAttributes.CORRELATION_ID), label));
    }

    /** Fails naming the first of the fields (name, value, name, value...) that is missing. */
    private static void requireAll(String what, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            require(namesAndValues[i + 1] != null, what + " without " + namesAndValues[i]);
        }
    }

    private static Item fact(SequencedEvent event, String shipment, ShipmentFact.Kind kind, String order, String partner,
            Instant at) {
        return new Item.Fact(new InvoiceFact.Shipment(event.eventId(), shipment, kind, order, partner, at));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private <T> T parse(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String inboxKey(Item item) {
        return item.eventId();
    }

    @Override
    public Uni<Applied<Item>> apply(List<Item> fresh) {
        List<CarrierChargeLedger.LabelBought> labels = fresh.stream()
                .filter(Item.Label.class::isInstance)
                .map(item -> ((Item.Label) item).bought())
                .toList();
        List<CarrierChargeLedger.ReturnLabelBought> returnLabels = fresh.stream()
                .filter(Item.ReturnLabel.class::isInstance)
                .map(item -> ((Item.ReturnLabel) item).bought())
                .toList();
        List<InvoiceFact.Shipment> facts = fresh.stream()
                .filter(Item.Fact.class::isInstance)
                .map(item -> ((Item.Fact) item).fact())
                .toList();
        List<InvoiceFact.Returned> returns = fresh.stream()
                .filter(Item.Return.class::isInstance)
                .map(item -> ((Item.Return) item).returned())
                .toList();
        // Facts first: a return in the same batch as its shipment's facts finds them.
        return ledger.record(labels)
                .chain(recorded -> ledger.recordReturnLabels(returnLabels))
                .chain(recorded -> release.apply(facts))
                .chain(readied -> refunds.received(returns))
                .map(Applied::all);
    }
}
