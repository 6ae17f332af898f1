package io.portage.order.messaging;

import java.net.URI;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.contracts.EventCatalog;
import io.portage.kit.events.EventEnvelope;
import io.portage.kit.events.Outbox;
import io.portage.order.domain.Order;
import io.smallrye.mutiny.Uni;

/**
 * Order events for {@code portage.orders}, staged in the transactional outbox inside the caller's transaction; the
 * outbox relay publishes them as CloudEvents keyed by order id.
 */
@ApplicationScoped
public class OrderEventPublisher {

    static final URI SOURCE = URI.create("urn:portage:order-service");

    private final Outbox outbox;

    public OrderEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<UUID> orderReceived(Order order) {
        return outbox.stage(EventCatalog.ORDER_RECEIVED_V1, OrderEventMapper.toOrderReceived(order),
                new EventEnvelope(SOURCE, order.id().toString(), order.receivedAt(), order.correlationId(),
                        order.partnerId(), 1L));
    }
}
