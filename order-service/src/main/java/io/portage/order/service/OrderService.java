package io.portage.order.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.contracts.order.OrderCancelled;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.kit.rest.ProblemException;
import io.portage.order.config.OrderConfig;
import io.portage.order.domain.Order;
import io.portage.order.domain.OrderStateException;
import io.portage.order.domain.OrderStatus;
import io.portage.order.messaging.OrderEventPublisher;
import io.portage.order.repository.OrderRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Takes in orders and answers for them. The pair (channel, external id) is the idempotency key: a resubmission, even
 * one racing the first submission, returns the order stored first and publishes nothing new. An order is checked as it
 * arrives (SKUs mapped and known to Odoo): accepted, it joins the queue to Odoo; otherwise it waits on hold with an
 * exception for a person. The order, its events (outbox) and its exception commit in one transaction, whether or not
 * Kafka or Odoo are up.
 */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final OrderChecks checks;
    private final OrderEventPublisher events;
    private final ExceptionQueue exceptions;
    private final OdooHandOver handOver;
    private final OrderConfig config;
    private final Clock clock;

    public OrderService(OrderRepository orders, OrderChecks checks, OrderEventPublisher events,
            ExceptionQueue exceptions, OdooHandOver handOver, OrderConfig config) {
        this.orders = orders;
        this.checks = checks;
        this.events = events;
        this.exceptions = exceptions;
        this.handOver = handOver;
        this.config = config;
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
                        : create(command, now).map(order -> new Received(order, true))))
                .onFailure(OrderService::isDuplicateKey)
                .recoverWithUni(() -> Panache.withSession(
                        () -> orders.findByChannelAndExternalId(command.channel(), command.externalId()))
                        .map(order -> new Received(order, false)))
                .invoke(received -> {
                    if (received.created() && received.order().status() == OrderStatus.ACCEPTED) {
                        handOver.wake();
                    }
                });
    }

    private Uni<Order> create(ReceiveOrder command, Instant now) {
        Order order = Order.receive(command.channel(), command.externalId(), command.partnerId(), command.warehouse(),
                command.customer(), command.items(), command.correlationId(), now);
        return checks.mapAndCheck(order).chain(unknown -> {
            if (unknown.isEmpty()) {
                order.accept(now, config.shipWithin(), "intake");
            } else {
                order.hold(OrderChecks.holdReason(order, unknown), now, "intake");
            }
            return orders.persist(order)
                    .call(events::orderReceived)
                    .call(stored -> unknown.isEmpty()
                            ? events.orderAccepted(stored, now)
                            : checks.raiseUnknownSkus(stored, unknown));
        });
    }

    @WithSpan("OrderService.find")
    public Uni<Order> find(@SpanAttribute("portage.order_id") UUID id, String partnerId) {
        return visibleTo(Panache.withSession(() -> orders.findById(id)), partnerId, id);
    }

    /** An order by its channel's id, for the partner that owns it. */
    public Uni<Order> findByExternalId(String channel, String externalId, String partnerId) {
        return visibleTo(Panache.withSession(() -> orders.findByChannelAndExternalId(channel, externalId)), partnerId,
                channel + "/" + externalId);
    }

    /** A partner's orders, newest first, optionally in one status. */
    public Uni<List<Order>> list(String partnerId, OrderStatus status, int limit) {
        return Panache.withSession(() -> orders.findByPartner(partnerId, status, limit));
    }

    /**
     * Cancels an order before release (see the README's rules): its channel or partner, or an operator. Cancelling a
     * cancelled order again answers it unchanged; a released order answers 409.
     */
    @WithSpan("OrderService.cancel")
    public Uni<Order> cancel(@SpanAttribute("portage.order_id") UUID id, String partnerId, String reason,
            OrderCancelled.Actor actor) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> visibleTo(orders.findById(id), partnerId, id).chain(order -> {
            if (order.status() == OrderStatus.CANCELLED) {
                return Uni.createFrom().item(order);
            }
            try {
                order.cancel(reason, now, actor.type().name().toLowerCase(java.util.Locale.ROOT) + ":" + actor.id());
            } catch (OrderStateException e) {
                return Uni.createFrom().failure(conflict(e));
            }
            OrderCancelled.ReasonCode code = actor.type() == OrderCancelled.ActorType.OPERATOR
                    ? OrderCancelled.ReasonCode.OTHER
                    : OrderCancelled.ReasonCode.PARTNER_REQUEST;
            return events.orderCancelled(order, code, actor)
                    .call(() -> exceptions.settle(OrderChecks.UNKNOWN_SKU, id.toString(), actor.id(),
                            "order cancelled", order.correlationId()))
                    .call(() -> exceptions.settle(OrderChecks.ODOO_REFUSED, id.toString(), actor.id(),
                            "order cancelled", order.correlationId()))
                    .replaceWith(order);
        }));
    }

    /** A refused cancellation: while accepted, only a hand-over in progress refuses it (try again); else too late. */
    private static ProblemException conflict(OrderStateException e) {
        boolean busy = e.status() == OrderStatus.ACCEPTED;
        return new ProblemException(409, busy ? "order-in-hand-over" : "order-state",
                busy ? "Order is being confirmed in Odoo" : "Order cannot do that now", e.getMessage());
    }

    /**
     * The order found, if the caller may see it: internal callers (no partner) see every order, a partner only its
     * own; another partner's order is answered as not found, like one that does not exist.
     */
    private static Uni<Order> visibleTo(Uni<Order> found, String partnerId, Object key) {
        return found.map(order -> order == null || partnerId != null && !partnerId.equals(order.partnerId()) ? null : order)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Order", key));
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
