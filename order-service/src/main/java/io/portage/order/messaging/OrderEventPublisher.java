package io.portage.order.messaging;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.order.OrderCancelled;
import io.portage.contracts.order.OrderChanged;
import io.portage.kit.events.EventEnvelope;
import io.portage.kit.events.Outbox;
import io.portage.order.domain.Order;
import io.portage.order.service.OrderEvents;
import io.smallrye.mutiny.Uni;

/**
 * Order events for {@code portage.orders}, staged in the transactional outbox inside the caller's transaction; the
 * outbox relay publishes them as CloudEvents keyed by order id, numbered per order (OrderReceived is 1).
 */
@ApplicationScoped
public class OrderEventPublisher implements OrderEvents {

    static final URI SOURCE = URI.create("urn:portage:order-service");

    private final Outbox outbox;

    public OrderEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<UUID> orderReceived(Order order) {
        return outbox.stage(EventCatalog.ORDER_RECEIVED_V1, OrderEventMapper.toOrderReceived(order),
                envelope(order, order.intake().receivedAt(), 1L));
    }

    @Override
    public Uni<UUID> orderAccepted(Order order, Instant acceptedAt) {
        return outbox.stage(EventCatalog.ORDER_ACCEPTED_V1, OrderEventMapper.toOrderAccepted(order, acceptedAt),
                envelope(order, acceptedAt, order.nextSequence()));
    }

    @Override
    public Uni<UUID> orderReleased(Order order) {
        return outbox.stage(EventCatalog.ORDER_RELEASED_V2, OrderEventMapper.toOrderReleased(order),
                envelope(order, order.release().at(), order.nextSequence()));
    }

    @Override
    public Uni<UUID> orderCancelled(Order order, OrderCancelled.ReasonCode code, OrderCancelled.Actor actor) {
        return outbox.stage(EventCatalog.ORDER_CANCELLED_V1, OrderEventMapper.toOrderCancelled(order, code, actor),
                envelope(order, order.cancellation().at(), order.nextSequence()));
    }

    @Override
    public Uni<UUID> orderChanged(Order order, OrderChanged.Actor actor, Instant changedAt) {
        return outbox.stage(EventCatalog.ORDER_CHANGED_V1, OrderEventMapper.toOrderChanged(order, actor, changedAt),
                envelope(order, changedAt, order.nextSequence()));
    }

    private static EventEnvelope envelope(Order order, Instant time, long sequence) {
        return new EventEnvelope(SOURCE, order.id().toString(), time, order.intake().correlationId(),
                order.intake().partnerId(),
                sequence);
    }
}
