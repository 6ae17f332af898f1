package io.portage.shipment.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.order.OrderReceived;
import io.portage.kit.events.BatchHandler;
import io.portage.kit.events.SequencedEvent;
import io.portage.shipment.service.ShipmentService;
import io.portage.shipment.service.ShipmentService.ReceivedOrder;
import io.smallrye.mutiny.Uni;

/**
 * The consumer {@value ShipmentService#CONSUMER} of {@code portage.orders}: each OrderReceived plans a shipment (once,
 * the kit's inbox), other order event types are passed through the sequencer and skipped. Its dead letters are
 * replayed, and its parked events released, through the kit with this handler.
 */
@ApplicationScoped
public class OrderEventsHandler implements BatchHandler<ReceivedOrder> {

    private static final String ORDER_RECEIVED = EventCatalog.ORDER_RECEIVED_V1.type();

    private final ShipmentService shipments;
    private final ObjectMapper json;

    public OrderEventsHandler(ShipmentService shipments, ObjectMapper json) {
        this.shipments = shipments;
        this.json = json;
    }

    @Override
    public String consumer() {
        return ShipmentService.CONSUMER;
    }

    @Override
    public List<ReceivedOrder> read(SequencedEvent event) {
        if (!ORDER_RECEIVED.equals(event.type())) {
            return List.of();
        }
        return List.of(read(event.eventId(), event.headers().get("ce_" + CloudEventAttributes.CORRELATION_ID),
                event.payload()));
    }

    @Override
    public String inboxKey(ReceivedOrder received) {
        return received.eventId();
    }

    @Override
    public Uni<Applied<ReceivedOrder>> apply(List<ReceivedOrder> fresh) {
        return shipments.plan(fresh.size(), fresh).map(Applied::all);
    }

    /**
     * Reads one OrderReceived.
     *
     * @throws IllegalArgumentException when the payload is not a complete OrderReceived
     */
    private ReceivedOrder read(String eventId, String correlationId, String payload) {
        OrderReceived order;
        try {
            order = json.readValue(payload, OrderReceived.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an OrderReceived: " + e.getOriginalMessage(), e);
        }
        String missing = order == null
                ? "a payload"
                : order.orderId() == null
                        ? "orderId"
                        : order.customer() == null
                                ? "customer"
                                : order.customer().address() == null
                                        ? "customer.address"
                                        : order.lines() == null || order.lines().isEmpty() ? "lines (at least one)" : null;
        if (missing != null) {
            throw new IllegalArgumentException("OrderReceived without " + missing);
        }
        return new ReceivedOrder(eventId, correlationId, order);
    }
}
