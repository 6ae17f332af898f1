package io.portage.shipment.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.odoo.connector.error.OdooAccessException;
import io.portage.odoo.connector.error.OdooConflictException;
import io.portage.odoo.connector.error.OdooMissingException;
import io.portage.odoo.connector.error.OdooValidationException;
import io.portage.odoo.connector.ops.Picking;
import io.portage.shipment.client.CarrierRegistry;
import io.portage.shipment.client.OdooDeliveryClient;
import io.portage.shipment.config.OdooHandOverConfig;
import io.portage.shipment.domain.OdooHandOver;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.domain.ShipmentLine;
import io.portage.shipment.repository.HandOverRepository;
import io.portage.shipment.repository.ShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Works the Odoo hand-over queue ({@code odoo_hand_over}): claims due items, finds the shipment's sale order and
 * delivery picking once (kept on the shipment, so a retry acts on the same picking), writes through the connector and
 * records Odoo's answer in a transaction of its own. A worker that dies between Odoo's answer and its commit leaves
 * the item claimed; when the claim runs out it runs again and the connector reads the picking's state first (a done
 * delivery is not validated again). Odoo away: retried with backoff and jitter, then an exception item
 * ({@value #HAND_OVER_FAILED}, owner ops) whose retry queues it again; a refusal goes there at once.
 */
@ApplicationScoped
public class OdooHandOverWorker {

    /** The exception-queue type of a write into Odoo that failed or was refused; retrying queues it again. */
    public static final String HAND_OVER_FAILED = "shipment.odoo-hand-over";

    private final HandOverRepository handOvers;
    private final ShipmentRepository shipments;
    private final OdooDeliveryClient odoo;
    private final CarrierRegistry carriers;
    private final ExceptionQueue exceptions;
    private final OdooHandOverConfig config;
    private final Clock clock = Clock.systemUTC();

    public OdooHandOverWorker(HandOverRepository handOvers, ShipmentRepository shipments, OdooDeliveryClient odoo,
            CarrierRegistry carriers, ExceptionQueue exceptions, OdooHandOverConfig config) {
        this.handOvers = handOvers;
        this.shipments = shipments;
        this.odoo = odoo;
        this.carriers = carriers;
        this.exceptions = exceptions;
        this.config = config;
    }

    /** An item with its shipment as read before Odoo is called. */
    private record Work(OdooHandOver item, Shipment shipment) {
    }

    /** The delivery picking a shipment ships. */
    private record Delivery(long pickingId, String pickingName) {
    }

    @Scheduled(identity = "shipment-odoo-hand-over", every = "${portage.shipments.odoo.interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return config.enabled() ? drain().replaceWithVoid() : Uni.createFrom().voidItem();
    }

    /** Passes until nothing is due; how many items were worked on. */
    public Uni<Integer> drain() {
        return pass().chain(worked -> worked >= config.batchSize()
                ? drain().map(more -> worked + more)
                : Uni.createFrom().item(worked));
    }

    /** Claims the due items and hands each over, oldest first (a shipment's label before its dispatch). */
    @WithSpan("OdooHandOverWorker.pass")
    Uni<Integer> pass() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> handOvers.claimDue(now, now.plus(config.claim()), config.batchSize()))
                .chain(ids -> Multi.createFrom()
                        .iterable(ids)
                        .onItem()
                        .transformToUniAndConcatenate(this::handOver)
                        .collect()
                        .asList()
                        .replaceWith(ids.size()));
    }

    private Uni<Void> handOver(UUID id) {
        return Panache.withSession(() -> handOvers.findById(id)
                .chain(item -> shipments.findById(item.shipmentId()).map(shipment -> new Work(item, shipment))))
                .chain(work -> work.item().status() != OdooHandOver.Status.PENDING
                        ? Uni.createFrom().voidItem()
                        : step(work))
                .onFailure()
                .recoverWithUni(failure -> failed(id, failure))
                .onFailure()
                .recoverWithUni(failure -> {
                    Log.warnf("Recording Odoo hand-over %s failed (%s): it runs again when its claim runs out", id,
                            failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> step(Work work) {
        UUID id = work.item().id();
        return waitingFor(work).chain(wait -> {
            if (wait != null) {
                return Panache.withTransaction(() -> handOvers.findById(id)
                        .invoke(item -> item.waitUntil(wait, clock.instant().plus(config.backoff()))))
                        .replaceWithVoid();
            }
            return delivery(work.shipment())
                    .chain(delivery -> write(work.item(), work.shipment(), delivery))
                    .chain(answer -> Panache.withTransaction(() -> handOvers.findById(id).invoke(item -> {
                        if (item.claimed()) {
                            item.done(answer, clock.instant());
                        }
                    })))
                    .invoke(() -> Log.infof("Odoo hand-over %s (%s of shipment %s) done", id, work.item().kind(),
                            work.shipment().id()))
                    .replaceWithVoid();
        });
    }

    /**
     * Why the item must wait, or null: a return waits for its delivery's validation; a later split of an order, whose
     * picking is the backorder of the split before, waits for that one's validation.
     */
    private Uni<String> waitingFor(Work work) {
        Shipment shipment = work.shipment();
        if (work.item().kind() == OdooHandOver.Kind.RETURN) {
            return Panache.withSession(() -> handOvers.of(shipment.id(), OdooHandOver.Kind.DISPATCH))
                    .map(dispatch -> dispatch != null && dispatch.status() == OdooHandOver.Status.DONE
                            ? null
                            : "waiting for the delivery of shipment " + shipment.id() + " to be validated in Odoo");
        }
        if (shipment.splitSeq() == 0 || shipment.odoo().pickingId() != null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> shipments.findSplit(shipment.orderId(), shipment.splitSeq() - 1)
                .chain(before -> handOvers.of(before.id(), OdooHandOver.Kind.DISPATCH)
                        .map(dispatch -> dispatch != null && dispatch.status() == OdooHandOver.Status.DONE
                                ? null
                                : "waiting for the delivery of shipment " + before.id()
                                        + " (the split before) to be validated in Odoo")));
    }

    /** The shipment's delivery picking: kept on the shipment once found, so every retry acts on the same one. */
    private Uni<Delivery> delivery(Shipment shipment) {
        if (shipment.odoo().pickingId() != null) {
            return Uni.createFrom().item(new Delivery(shipment.odoo().pickingId(), shipment.odoo().pickingName()));
        }
        return saleOrder(shipment).chain(order -> picking(shipment, order.getKey()).chain(picking -> Panache
                .withTransaction(() -> shipments.recordOdoo(shipment.id(), order.getKey(), order.getValue(),
                        picking.id(), picking.name()))
                .replaceWith(new Delivery(picking.id(), picking.name()))));
    }

    private Uni<Map.Entry<Long, String>> saleOrder(Shipment shipment) {
        if (shipment.odoo().orderId() != null) {
            return Uni.createFrom()
                    .item(Map.entry(shipment.odoo().orderId(),
                            shipment.odoo().orderName() == null ? "" : shipment.odoo().orderName()));
        }
        String ref = shipment.odoo().clientOrderRef();
        if (ref == null) {
            return Uni.createFrom()
                    .failure(new HandOverRefusedException("Order " + shipment.orderId()
                            + " was released without its sale order and without a channel reference to find it by"));
        }
        return odoo.saleOrder(ref).map(order -> {
            if (order == null) {
                throw new HandOverRefusedException("Odoo has no sale order with client_order_ref " + ref);
            }
            return Map.entry(order.id(), order.name());
        });
    }

    private Uni<Picking> picking(Shipment shipment, long saleOrderId) {
        if (shipment.splitSeq() == 0) {
            return odoo.firstDelivery(saleOrderId).map(picking -> {
                if (picking == null) {
                    throw new HandOverRefusedException("Sale order " + saleOrderId + " has no delivery in Odoo");
                }
                return picking;
            });
        }
        return Panache.withSession(() -> shipments.findSplit(shipment.orderId(), shipment.splitSeq() - 1))
                .chain(before -> odoo.backorderOf(before.odoo().pickingId()).map(picking -> {
                    if (picking == null) {
                        throw new HandOverRefusedException("Odoo made no backorder of " + before.odoo().pickingName()
                                + " for shipment " + shipment.id() + " (the rest of shipment " + before.id() + ")");
                    }
                    return picking;
                }));
    }

    /** The write itself; answers what Odoo holds afterwards. */
    private Uni<String> write(OdooHandOver item, Shipment shipment, Delivery delivery) {
        return switch (item.kind()) {
            case TRACKING -> shipment.label().isEmpty()
                    ? Uni.createFrom().item("no label any more: nothing written")
                    : odoo.prepare(delivery.pickingId(), odooCarrierId(shipment.label().get().carrier()),
                            shipment.label().get().trackingNumber())
                            .map(picking -> picking.name() + " carrier_tracking_ref " + picking.carrierTrackingRef());
            case DISPATCH -> products(item.lines()).chain(shipped -> odoo
                    .prepare(delivery.pickingId(), odooCarrierId(shipment.label().get().carrier()),
                            shipment.label().get().trackingNumber())
                    .chain(() -> odoo.validate(delivery.pickingId(), shipped, leavesRest(shipment, item))))
                    .map(picking -> {
                        if (!"done".equals(picking.state())) {
                            throw new HandOverRefusedException("Odoo left delivery " + picking.name() + " "
                                    + picking.state() + " after validating it");
                        }
                        return picking.name() + " " + picking.state();
                    });
            case RETURN -> products(item.lines()).chain(returned -> odoo.returnDelivery(delivery.pickingId(), returned,
                    "portage:return:" + item.returnId()))
                    .map(picking -> picking.name() + " " + picking.state() + " (return of " + delivery.pickingName()
                            + ")");
        };
    }

    /** Odoo's {@code delivery.carrier} id of a carrier when configured ({@code portage.carriers.<name>.odoo-carrier-id}). */
    private Long odooCarrierId(String carrier) {
        return carriers.find(carrier).isEmpty() ? null : carriers.settings(carrier).odooCarrierId().orElse(null);
    }

    /** Whether the dispatch left part of the shipment behind (then Odoo makes a backorder of the rest). */
    private static boolean leavesRest(Shipment shipment, OdooHandOver item) {
        Map<String, BigDecimal> shipped = ShipmentLine.bySku(item.lines());
        return ShipmentLine.bySku(shipment.contents().lines())
                .entrySet()
                .stream()
                .anyMatch(line -> shipped.getOrDefault(line.getKey(), BigDecimal.ZERO).compareTo(line.getValue()) < 0);
    }

    private Uni<Map<Long, BigDecimal>> products(List<ShipmentLine> lines) {
        if (lines.isEmpty()) {
            return Uni.createFrom()
                    .failure(new HandOverRefusedException("No lines to write: the shipment was planned "
                            + "before its lines were kept"));
        }
        Map<String, BigDecimal> bySku = ShipmentLine.bySku(lines);
        return odoo.products(bySku.keySet()).map(ids -> {
            List<String> unknown = bySku.keySet().stream().filter(sku -> !ids.containsKey(sku)).toList();
            if (!unknown.isEmpty()) {
                throw new HandOverRefusedException("Odoo has no product with SKU " + String.join(", ", unknown));
            }
            Map<Long, BigDecimal> byProduct = new LinkedHashMap<>();
            bySku.forEach((sku, quantity) -> byProduct.merge(ids.get(sku), quantity, BigDecimal::add));
            return byProduct;
        });
    }

    /** Records a failure: due again after a backoff, or failed to an exception item (refused, or too many attempts). */
    private Uni<Void> failed(UUID id, Throwable failure) {
        boolean refused = failure instanceof HandOverRefusedException || failure instanceof OdooValidationException
                || failure instanceof OdooAccessException || failure instanceof OdooMissingException
                || failure instanceof OdooConflictException;
        return Panache.withTransaction(() -> handOvers.findById(id).chain(item -> {
            if (item == null || !item.claimed()) {
                return Uni.createFrom().voidItem();
            }
            if (!refused && item.attempts() + 1 < config.maxAttempts()) {
                Duration delay = backoff(item.attempts() + 1);
                Log.infof("Odoo hand-over %s (%s of shipment %s) failed (attempt %d: %s); next attempt in %s", id,
                        item.kind(), item.shipmentId(), item.attempts() + 1, failure.toString(), delay);
                item.retryAt(failure.toString(), clock.instant().plus(delay));
                return Uni.createFrom().voidItem();
            }
            item.failed(failure.toString());
            Log.warnf("Odoo hand-over %s (%s of shipment %s) failed for good: %s", id, item.kind(), item.shipmentId(),
                    failure.toString());
            return exceptions.raise(HAND_OVER_FAILED, "ops", id.toString(),
                    "The " + item.kind() + " of shipment " + item.shipmentId() + " was not written into Odoo after "
                            + item.attempts() + " attempts: " + failure.getMessage()
                            + "; fix the cause in Odoo and retry",
                    "{\"handOverId\":\"" + id + "\",\"shipmentId\":\"" + item.shipmentId() + "\",\"kind\":\""
                            + item.kind() + "\"}")
                    .replaceWithVoid();
        }));
    }

    /** {@code backoff} doubled per attempt up to {@code max-backoff}, with 20 % jitter either way. */
    Duration backoff(int attempts) {
        long base = config.backoff().toMillis();
        long max = config.maxBackoff().toMillis();
        long delay = Math.min(max, base << Math.min(20, Math.max(0, attempts - 1)));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (delay * jitter)));
    }
}
