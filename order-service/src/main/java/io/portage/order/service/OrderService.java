package io.portage.order.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.contracts.order.OrderCancelled;
import io.portage.contracts.order.OrderChanged;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.order.config.OrderConfig;
import io.portage.order.domain.Customer;
import io.portage.order.domain.Intake;
import io.portage.order.domain.Order;
import io.portage.order.domain.OrderLine;
import io.portage.order.domain.OrderStateException;
import io.portage.order.domain.OrderStatus;
import io.portage.order.repository.OrderRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Takes in orders and answers for them. The pair (channel, external id) is the idempotency key: a resubmission, even
 * one racing the first submission, returns the order stored first and publishes nothing new. An order is checked as it
 * arrives (SKUs mapped and known to Odoo): accepted, it joins the queue to Odoo; otherwise it waits on hold with an
 * exception for a person. Before release it can be cancelled or changed (checked again). The order, its events (outbox)
 * and its exception commit in one transaction, whether or not Kafka or Odoo are up.
 */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final OrderChecks checks;
    private final OrderEvents events;
    private final ExceptionQueue exceptions;
    private final OdooHandOver handOver;
    private final OrderConfig config;
    private final Clock clock;

    public OrderService(OrderRepository orders, OrderChecks checks, OrderEvents events,
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
        Order order = Order.receive(new Intake(command.channel(), command.externalId(), command.partnerId(),
                command.warehouse(), command.correlationId(), now), command.customer(), command.items());
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
     * cancelled order again answers it unchanged; a released order is an {@link OrderStateException}.
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
                return Uni.createFrom().failure(e);
            }
            OrderCancelled.ReasonCode code = actor.type() == OrderCancelled.ActorType.OPERATOR
                    ? OrderCancelled.ReasonCode.OTHER
                    : OrderCancelled.ReasonCode.PARTNER_REQUEST;
            return events.orderCancelled(order, code, actor)
                    .call(() -> exceptions.settle(OrderChecks.UNKNOWN_SKU, id.toString(), actor.id(),
                            "order cancelled", order.intake().correlationId()))
                    .call(() -> exceptions.settle(OrderChecks.ODOO_REFUSED, id.toString(), actor.id(),
                            "order cancelled", order.intake().correlationId()))
                    .replaceWith(order);
        }));
    }

    /**
     * Changes an order before release (see the README's rules): the ship-to ({@code customer}, null to keep it) and
     * the lines ({@code items}, null to keep them), if the caller saw the order at {@code expectedVersion} (a
     * {@link StaleOrderException} otherwise). The checks run again: an unknown SKU holds the order with its exception; all known, a held order is
     * accepted and queued for Odoo and its exceptions close. OrderChanged is published (then OrderAccepted, the first
     * time it is accepted).
     */
    @WithSpan("OrderService.change")
    public Uni<Order> change(@SpanAttribute("portage.order_id") UUID id, String partnerId, long expectedVersion,
            Customer customer, List<OrderLine.Item> items, OrderChanged.Actor actor) {
        Instant now = clock.instant();
        String source = actor.type().name().toLowerCase(java.util.Locale.ROOT) + ":" + actor.id();
        return Panache.withTransaction(() -> visibleTo(orders.findById(id), partnerId, id).chain(order -> {
            if (order.version() != expectedVersion) {
                return Uni.createFrom().failure(new StaleOrderException(id, expectedVersion, order.version(), null));
            }
            String what = customer != null && items != null
                    ? "ship-to and lines changed"
                    : customer != null ? "ship-to changed" : "lines changed";
            try {
                order.change(customer, items != null, now, source, what);
            } catch (OrderStateException e) {
                return Uni.createFrom().failure(e);
            }
            Uni<Void> lines = items == null
                    ? Uni.createFrom().voidItem()
                    : orders.flush().invoke(() -> order.replaceLines(items));
            return lines.chain(() -> checks.mapAndCheck(order))
                    .chain(unknown -> events.orderChanged(order, actor, now)
                            .chain(() -> recheck(order, unknown, now,
                                    source, actor.id())))
                    .replaceWith(order);
        }))
                .onFailure(OrderService::isStale)
                .transform(failure -> new StaleOrderException(id, expectedVersion, -1, failure))
                .invoke(order -> {
                    if (order.status() == OrderStatus.ACCEPTED) {
                        handOver.wake();
                    }
                });
    }

    /** After a change: held while a SKU is unknown, otherwise accepted (a held order) and its exceptions closed. */
    private Uni<Void> recheck(Order order, java.util.Set<String> unknown, Instant now, String source, String actor) {
        if (!unknown.isEmpty()) {
            order.hold(OrderChecks.holdReason(order, unknown), now, source);
            return checks.raiseUnknownSkus(order, unknown);
        }
        Uni<Void> accepted = Uni.createFrom().voidItem();
        if (order.status() == OrderStatus.ON_HOLD) {
            boolean first = !order.history().wasAccepted();
            order.accept(now, config.shipWithin(), source);
            if (first) {
                accepted = events.orderAccepted(order, now).replaceWithVoid();
            }
        }
        String id = order.id().toString();
        return accepted.call(() -> exceptions.settle(OrderChecks.UNKNOWN_SKU, id, actor, "order changed",
                order.intake().correlationId()))
                .call(() -> exceptions.settle(OrderChecks.ODOO_REFUSED, id, actor, "order changed",
                        order.intake().correlationId()))
                .replaceWithVoid();
    }

    /**
     * A concurrent change committed first: Hibernate's version check failed ({@link StaleStateException}, or the
     * {@link OptimisticLockException} it is converted to), wherever in the chain of causes it is.
     */
    static boolean isStale(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The order found, if the caller may see it: internal callers (no partner) see every order, a partner only its
     * own; another partner's order is answered as not found, like one that does not exist.
     */
    private static Uni<Order> visibleTo(Uni<Order> found, String partnerId, Object key) {
        return found.map(
                order -> order == null || partnerId != null && !partnerId.equals(order.intake().partnerId()) ? null : order)
                .onItem()
                .ifNull()
                .failWith(() -> new OrderNotFoundException(key));
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
