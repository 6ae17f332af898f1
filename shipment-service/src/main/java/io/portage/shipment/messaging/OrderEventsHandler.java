package io.portage.shipment.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.CloudEventAttributes;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.order.OrderCancelled;
import io.portage.contracts.order.OrderReleasedV2;
import io.portage.kit.events.BatchHandler;
import io.portage.kit.events.SequencedEvent;
import io.portage.shipment.service.OrderFact;
import io.portage.shipment.service.ShipmentPlanner;
import io.smallrye.mutiny.Uni;

/**
 * The consumer {@value ShipmentPlanner#CONSUMER} of {@code portage.orders}: each OrderReleased (v2) plans a shipment
 * and each OrderCancelled cancels it (once, the kit's inbox, in order per order, the kit's sequencer); a received,
 * accepted, held or changed order plans nothing, its event only moves the order's position on. Its dead letters are
 * replayed, and its parked events released, through the kit with this handler.
 */
@ApplicationScoped
public class OrderEventsHandler implements BatchHandler<OrderFact> {

    private static final String ORDER_RELEASED = EventCatalog.ORDER_RELEASED_V2.type();
    private static final String ORDER_CANCELLED = EventCatalog.ORDER_CANCELLED_V1.type();

    private final ShipmentPlanner planner;
    private final ObjectMapper json;

    public OrderEventsHandler(ShipmentPlanner planner, ObjectMapper json) {
        this.planner = planner;
        this.json = json;
    }

    @Override
    public String consumer() {
        return ShipmentPlanner.CONSUMER;
    }

    @Override
    public List<OrderFact> read(SequencedEvent event) {
        String correlationId = event.headers().get("ce_" + CloudEventAttributes.CORRELATION_ID);
        if (ORDER_RELEASED.equals(event.type())) {
            return List.of(released(event.eventId(), correlationId, event.payload()));
        }
        if (ORDER_CANCELLED.equals(event.type())) {
            OrderCancelled cancelled = parse(event.payload(), OrderCancelled.class);
            if (cancelled == null || cancelled.orderId() == null || cancelled.reasonCode() == null) {
                throw new IllegalArgumentException("OrderCancelled without " + (cancelled == null
                        ? "a payload"
                        : cancelled.orderId() == null ? "orderId" : "reasonCode"));
            }
            return List.of(new OrderFact.Cancelled(event.eventId(), correlationId, cancelled));
        }
        return List.of();
    }

    @Override
    public String inboxKey(OrderFact fact) {
        return fact.eventId();
    }

    @Override
    public Uni<Applied<OrderFact>> apply(List<OrderFact> fresh) {
        return planner.apply(fresh.size(), fresh).map(Applied::all);
    }

    /**
     * Reads one OrderReleased (v2).
     *
     * @throws IllegalArgumentException when the payload is not a complete OrderReleased
     */
    private OrderFact.Released released(String eventId, String correlationId, String payload) {
        OrderReleasedV2 order = parse(payload, OrderReleasedV2.class);
        String missing = order == null
                ? "a payload"
                : order.orderId() == null
                        ? "orderId"
                        : order.partnerId() == null
                                ? "partnerId"
                                : order.warehouse() == null
                                        ? "warehouse"
                                        : order.shipTo() == null
                                                ? "shipTo"
                                                : order.shipTo().address() == null
                                                        ? "shipTo.address"
                                                        : order.lines() == null || order.lines().isEmpty()
                                                                ? "lines (at least one)"
                                                                : null;
        if (missing != null) {
            throw new IllegalArgumentException("OrderReleased without " + missing);
        }
        return new OrderFact.Released(eventId, correlationId, order);
    }

    private <T> T parse(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
