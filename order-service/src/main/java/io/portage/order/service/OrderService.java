package io.portage.order.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.kit.rest.ProblemException;
import io.portage.order.domain.Order;
import io.portage.order.messaging.OrderEventPublisher;
import io.portage.order.repository.OrderRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Takes in orders. The pair (channel, external id) is the idempotency key: a resubmission, even one racing the first
 * submission, returns the order stored first and publishes nothing new. The order and its OrderReceived event commit
 * in one transaction (the outbox), so an accepted order is never without its event, whether or not Kafka is up.
 */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final OrderEventPublisher events;
    private final Clock clock;

    public OrderService(OrderRepository orders, OrderEventPublisher events) {
        this.orders = orders;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /** The outcome of a submission: the stored order, and whether this call created it. */
    public record Received(Order order, boolean created) {
    }

    @WithSpan("OrderService.receive")
    public Uni<Received> receive(@SpanAttribute("portage.channel") String channel, ReceiveOrder command) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> orders.findByChannelAndExternalId(command.channel(), command.externalId())
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(new Received(existing, false))
                        : orders.persist(Order.receive(command.channel(), command.externalId(), command.partnerId(),
                                command.warehouse(), command.customer(), command.items(), command.correlationId(), now))
                                .call(events::orderReceived)
                                .map(order -> new Received(order, true))))
                .onFailure(OrderService::isDuplicateKey)
                .recoverWithUni(() -> Panache.withSession(
                        () -> orders.findByChannelAndExternalId(command.channel(), command.externalId()))
                        .map(order -> new Received(order, false)));
    }

    @WithSpan("OrderService.find")
    public Uni<Order> find(@SpanAttribute("portage.order_id") UUID id) {
        return Panache.withSession(() -> orders.findById(id))
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Order", id));
    }

    /** A concurrent submission of the same (channel, external id) won the race on the unique constraint. */
    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && "uk_order_channel_external".equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && message.contains("uk_order_channel_external")) {
                return true;
            }
        }
        return false;
    }
}
