package io.portage.order.messaging;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.order.OrderReceived;
import io.portage.kit.messaging.CloudEventMessages;
import io.portage.order.domain.Order;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Publishes order events to {@code portage.orders} as CloudEvents (binary mode), keyed by order id. */
@ApplicationScoped
public class OrderEventPublisher {

    static final URI SOURCE = URI.create("urn:portage:order-service");

    private final MutinyEmitter<OrderReceived> emitter;

    public OrderEventPublisher(@Channel("orders-out") MutinyEmitter<OrderReceived> emitter) {
        this.emitter = emitter;
    }

    /** Completes once Kafka has acknowledged the event (acks=all). */
    public Uni<Void> orderReceived(Order order) {
        return emitter
                .sendMessage(CloudEventMessages.of(EventCatalog.ORDER_RECEIVED_V1, OrderEventMapper.toOrderReceived(order),
                        new CloudEventMessages.Envelope(SOURCE, order.id().toString(), order.receivedAt(),
                                order.correlationId(),
                                order.partnerId(), 1L)));
    }
}
