package io.portage.order.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.odoo.connector.error.OdooAccessException;
import io.portage.odoo.connector.error.OdooMissingException;
import io.portage.odoo.connector.error.OdooServerException;
import io.portage.odoo.connector.error.OdooValidationException;
import io.portage.order.config.OrderConfig;
import io.portage.order.domain.OdooOrder;
import io.portage.order.domain.Order;
import io.portage.order.domain.OrderStatus;
import io.portage.order.domain.RoutingRules;
import io.portage.order.repository.OrderRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Hands accepted orders to Odoo and releases them: a durable queue on the order rows (due time, claim, attempts), so
 * an order accepted while Odoo is away waits and goes when Odoo is back, with exponential backoff and jitter between
 * attempts, and nothing is lost on a restart (a claim runs out and the order is due again). Each pass claims up to
 * {@code batch-size} due orders and sends them together ({@link HandOverBatch}: customers and sale orders in one call
 * per step). Odoo's answer decides: confirmed, the order is released to its fulfiller (OrderReleased v2); refused
 * (validation, access, unknown product), it waits on hold with an exception for a person; anything else - Odoo away,
 * another Odoo instance at the configured address - is retried, with the reason on the order.
 */
@ApplicationScoped
public class OdooHandOver {

    /** After this many server errors from Odoo a person looks at the order. */
    private static final int SERVER_ERROR_LIMIT = 5;

    private final OrderRepository orders;
    private final OrderChecks checks;
    private final HandOverBatch batch;
    private final OrderEvents events;
    private final OrderConfig config;
    private final RoutingRules routing;
    private final MeterRegistry metrics;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean lingering = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    OdooHandOver(OrderRepository orders, OrderChecks checks, HandOverBatch batch, OrderEvents events,
            OrderConfig config, RoutingRules routing, MeterRegistry metrics, Vertx vertx) {
        this.orders = orders;
        this.checks = checks;
        this.batch = batch;
        this.events = events;
        this.config = config;
        this.routing = routing;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    /** What one order's hand-over ended with. */
    public enum Outcome {
        RELEASED, HELD, RETRY, SKIPPED
    }

    /**
     * Starts a pass after {@code linger} (an order was accepted): the orders accepted meanwhile go in the same batch, so
     * a burst is not handed over in many small passes that each pay every Odoo call's fixed cost. One wake-up waits at
     * a time; the ones during its wait ride along.
     */
    public void wake() {
        if (!config.handOver().enabled() || !lingering.compareAndSet(false, true)) {
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        Runnable start = () -> context.runOnContext(ignored -> {
            lingering.set(false);
            drain().subscribe()
                    .with(handed -> Log.debugf("Hand-over pass: %d orders", handed),
                            failure -> Log.warnf("Hand-over pass failed: %s", failure.toString()));
        });
        long linger = config.handOver().linger().toMillis();
        if (linger > 0) {
            vertx.setTimer(linger, id -> start.run());
        } else {
            start.run();
        }
    }

    @Scheduled(identity = "order-hand-over", every = "${portage.orders.hand-over.interval:1s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return config.handOver().enabled() ? drain().replaceWithVoid() : Uni.createFrom().voidItem();
    }

    /**
     * Passes until the queue has nothing due, up to {@code passes} at once (a wake-up when all are busy runs another
     * after them).
     */
    public Uni<Integer> drain() {
        if (running.incrementAndGet() > config.handOver().passes()) {
            running.decrementAndGet();
            again.set(true);
            return Uni.createFrom().item(0);
        }
        again.set(false);
        return pass().onTermination().invoke(running::decrementAndGet).chain(handed -> {
            boolean more = handed >= config.handOver().batchSize() || again.getAndSet(false);
            return more ? drain().map(next -> handed + next) : Uni.createFrom().item(handed);
        });
    }

    /**
     * One pass: claims the due orders, hands them to Odoo together (one call per step for the whole batch, see
     * {@link HandOverBatch}) and records each order's outcome in a transaction of its own.
     */
    @WithSpan("OdooHandOver.pass")
    Uni<Integer> pass() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> orders.claimDue(now, now.plus(config.handOver().claim()),
                config.handOver().batchSize()))
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(0)
                        : Panache.withSession(() -> orders.findByIds(ids))
                                .map(found -> found.stream()
                                        .filter(order -> order.status() == OrderStatus.ACCEPTED)
                                        .toList())
                                .chain(accepted -> batch.send(accepted).chain(results -> record(accepted, results)))
                                .replaceWith(ids.size()));
    }

    /**
     * Every order's outcome in one transaction (the orders read again, released, held or rescheduled, their events
     * staged); if that transaction fails, each order in a transaction of its own, so one order cannot hold back the
     * others.
     */
    private Uni<Void> record(List<Order> handed, Map<UUID, HandOverBatch.Result> results) {
        List<UUID> ids = handed.stream().map(Order::id).toList();
        return Panache.withTransaction(() -> orders.findByIds(ids).chain(current -> apply(current, results)))
                .onFailure()
                .recoverWithUni(failure -> {
                    Log.warnf("Recording a hand-over pass of %d orders failed (%s); recording them one by one",
                            ids.size(), failure.toString());
                    return Multi.createFrom()
                            .iterable(ids)
                            .onItem()
                            .transformToUniAndConcatenate(id -> Panache.withTransaction(
                                    () -> orders.findByIds(List.of(id)).chain(one -> apply(one, results))))
                            .collect()
                            .last()
                            .replaceWith(List.<Outcome>of());
                })
                .replaceWithVoid();
    }

    /** Applies each order's result in the current transaction, one after the other; counts the outcomes. */
    private Uni<List<Outcome>> apply(List<Order> current, Map<UUID, HandOverBatch.Result> results) {
        return Multi.createFrom()
                .iterable(current)
                .onItem()
                .transformToUniAndConcatenate(order -> outcome(order, results.get(order.id()))
                        .invoke(outcome -> metrics.counter("portage.orders.hand-over", "outcome", outcome.name())
                                .increment()))
                .collect()
                .asList();
    }

    private Uni<Outcome> outcome(Order order, HandOverBatch.Result result) {
        if (order.status() != OrderStatus.ACCEPTED) {
            if (result instanceof HandOverBatch.Confirmed confirmed) {
                // Only a claim that ran out lets this happen; Odoo's order stays, keyed by client_order_ref.
                Log.warnf("Order %s was %s when Odoo confirmed it as %s", order.id(), order.status(),
                        confirmed.odoo().name());
            }
            return Uni.createFrom().item(Outcome.SKIPPED);
        }
        return switch (result) {
            case HandOverBatch.Confirmed confirmed -> release(order, confirmed.odoo());
            case HandOverBatch.UnknownSkus unknown -> hold(order, unknown.skus(), null);
            case HandOverBatch.Failed failed -> failed(order, failed.failure());
        };
    }

    private Uni<Outcome> release(Order order, OdooOrder confirmed) {
        order.release(confirmed,
                routing.route(order.intake().warehouse(), order.intake().channel(), order.intake().partnerId()),
                clock.instant());
        Log.infof("Order %s/%s confirmed in Odoo as %s, released to %s %s", order.intake().channel(),
                order.intake().externalId(), confirmed.name(), order.release().fulfiller().type(),
                order.release().fulfiller().id());
        return events.orderReleased(order).replaceWith(Outcome.RELEASED);
    }

    private Uni<Outcome> hold(Order order, Set<String> unknownSkus, String odooMessage) {
        Instant now = clock.instant();
        if (unknownSkus != null) {
            order.hold(OrderChecks.holdReason(order, unknownSkus), now, "odoo");
            return checks.raiseUnknownSkus(order, unknownSkus).replaceWith(Outcome.HELD);
        }
        order.hold("Odoo refused the order: " + odooMessage, now, "odoo");
        return checks.raiseOdooRefused(order, odooMessage).replaceWith(Outcome.HELD);
    }

    private Uni<Outcome> failed(Order order, Throwable failure) {
        int attempts = order.handOver().attempts();
        if (failure instanceof OdooValidationException || failure instanceof OdooAccessException
                || failure instanceof OdooMissingException
                || (failure instanceof OdooServerException && attempts >= SERVER_ERROR_LIMIT)) {
            Log.warnf("Odoo refused order %s: %s", order.id(), failure.getMessage());
            return hold(order, null, failure.getMessage());
        }
        Duration delay = backoff(attempts);
        Log.infof("Order %s not handed to Odoo (attempt %d: %s); next attempt in %s", order.id(), attempts,
                failure.toString(), delay);
        order.handOverFailed(failure.toString(), clock.instant().plus(delay));
        return Uni.createFrom().item(Outcome.RETRY);
    }

    /** {@code backoff} doubled per attempt up to {@code max-backoff}, with 20 % jitter either way. */
    Duration backoff(int attempts) {
        long base = config.handOver().backoff().toMillis();
        long max = config.handOver().maxBackoff().toMillis();
        long delay = Math.min(max, base << Math.min(20, Math.max(0, attempts - 1)));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (delay * jitter)));
    }
}
