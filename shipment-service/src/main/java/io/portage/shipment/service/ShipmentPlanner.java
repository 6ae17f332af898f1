package io.portage.shipment.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.contracts.order.OrderCancelled;
import io.portage.contracts.order.OrderReceived;
import io.portage.contracts.order.OrderReleasedV2;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.domain.ShipmentLine;
import io.portage.shipment.repository.ShipmentRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Plans a shipment for each released order and cancels it when the order is cancelled before dispatch (the first
 * deliveries the consumer's inbox let through, in its transaction); every change is published through the outbox.
 */
@ApplicationScoped
public class ShipmentPlanner {

    /** The inbox and dead-letter name of the consumer of order events. */
    public static final String CONSUMER = "shipment-service.orders";

    /** The exception-queue type of a cancellation that came after the shipment left. */
    public static final String CANCELLED_AFTER_DISPATCH = "shipment.cancelled-after-dispatch";

    /** The exception-queue type of a label still bought for a cancelled shipment: retrying voids it with its carrier. */
    public static final String LABEL_TO_VOID = "shipment.label-to-void";

    private static final String SALE_ORDER_REF = "sale.order/";

    private final ShipmentRepository shipments;
    private final ShipmentEvents events;
    private final ExceptionQueue exceptions;
    private final Clock clock = Clock.systemUTC();

    public ShipmentPlanner(ShipmentRepository shipments, ShipmentEvents events, ExceptionQueue exceptions) {
        this.shipments = shipments;
        this.events = events;
        this.exceptions = exceptions;
    }

    /** What applying an order event did. */
    public enum Outcome {
        PLANNED, ALREADY_PLANNED, CANCELLED, ALREADY_CANCELLED, CANCEL_AFTER_DISPATCH, NO_SHIPMENT_TO_CANCEL
    }

    /**
     * Applies the order facts the inbox let through (first deliveries), in the caller's transaction: releases first
     * (one shipment per order, whatever number of events speak of it), then cancellations, in delivery order.
     */
    @WithSpan("ShipmentPlanner.apply")
    public Uni<Map<Outcome, Long>> apply(@SpanAttribute("portage.batch_size") int size, List<OrderFact> fresh) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        List<OrderFact.Released> released = new ArrayList<>();
        List<OrderFact.Cancelled> cancelled = new ArrayList<>();
        for (OrderFact fact : fresh) {
            switch (fact) {
                case OrderFact.Released r -> released.add(r);
                case OrderFact.Cancelled c -> cancelled.add(c);
            }
        }
        return plan(released, outcomes).chain(() -> cancel(cancelled, outcomes)).replaceWith(outcomes);
    }

    private Uni<Void> plan(List<OrderFact.Released> released, Map<Outcome, Long> outcomes) {
        Map<UUID, Shipment> candidates = new LinkedHashMap<>();
        for (OrderFact.Released fact : released) {
            UUID orderId = UUID.fromString(fact.order().orderId());
            if (candidates.containsKey(orderId)) {
                outcomes.merge(Outcome.ALREADY_PLANNED, 1L, Long::sum);
            } else {
                candidates.put(orderId, plan(fact, orderId));
            }
        }
        if (candidates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return shipments.insertNew(candidates.values()).chain(inserted -> {
            if (!inserted.isEmpty()) {
                outcomes.merge(Outcome.PLANNED, (long) inserted.size(), Long::sum);
            }
            if (candidates.size() > inserted.size()) {
                outcomes.merge(Outcome.ALREADY_PLANNED, (long) (candidates.size() - inserted.size()), Long::sum);
            }
            List<Shipment> planned = candidates.values().stream().filter(s -> inserted.contains(s.id())).toList();
            return Multi.createFrom()
                    .iterable(planned)
                    .onItem()
                    .transformToUniAndConcatenate(events::created)
                    .collect()
                    .last()
                    .replaceWithVoid();
        });
    }

    private Shipment plan(OrderFact.Released fact, UUID orderId) {
        OrderReleasedV2 order = fact.order();
        OrderReceived.Address address = order.shipTo().address();
        Shipment.Fulfiller fulfiller = order.fulfiller() == null
                ? new Shipment.Fulfiller("WAREHOUSE", order.warehouse())
                : new Shipment.Fulfiller(order.fulfiller().type().name(), order.fulfiller().id());
        return Shipment.plan(orderId, order.partnerId(), order.warehouse(), fulfiller,
                new Shipment.ShipTo(order.shipTo().name(), address.street(), address.city(), address.postalCode(),
                        address.country()),
                order.lines().stream().map(line -> new ShipmentLine(line.sku(), line.quantity())).toList(),
                order.shipBy(), fact.eventId(), fact.correlationId(), odooRef(order), clock.instant());
    }

    /**
     * The sale order as the release names it ({@code erp.erpRef} {@code sale.order/<id>} and its name), and its client
     * reference in Odoo, {@code <channel>:<external id>} as order-service creates it, to find it by when the release
     * names none.
     */
    static Shipment.OdooRef odooRef(OrderReleasedV2 order) {
        String clientOrderRef = order.channel() == null || order.externalId() == null
                ? null
                : order.channel() + ":" + order.externalId();
        OrderReleasedV2.Erp erp = order.erp();
        Long saleOrderId = null;
        if (erp != null && erp.erpRef() != null && erp.erpRef().startsWith(SALE_ORDER_REF)) {
            try {
                saleOrderId = Long.valueOf(erp.erpRef().substring(SALE_ORDER_REF.length()));
            } catch (NumberFormatException e) {
                saleOrderId = null;
            }
        }
        return new Shipment.OdooRef(clientOrderRef, saleOrderId, erp == null ? null : erp.name());
    }

    private Uni<Void> cancel(List<OrderFact.Cancelled> cancelled, Map<Outcome, Long> outcomes) {
        if (cancelled.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<UUID> orderIds = cancelled.stream()
                .map(fact -> UUID.fromString(fact.cancellation().orderId()))
                .collect(Collectors.toSet());
        return shipments.findByOrderIds(orderIds).chain(found -> {
            Map<UUID, List<Shipment>> byOrder = found.stream().collect(Collectors.groupingBy(Shipment::orderId));
            return Multi.createFrom()
                    .iterable(cancelled)
                    .onItem()
                    .transformToUniAndConcatenate(fact -> cancelAll(fact,
                            byOrder.getOrDefault(UUID.fromString(fact.cancellation().orderId()), List.of()), outcomes))
                    .collect()
                    .last()
                    .replaceWithVoid();
        });
    }

    /** Every shipment of the order: the ones not yet left are cancelled, the ones that left raise an item each. */
    private Uni<Void> cancelAll(OrderFact.Cancelled fact, List<Shipment> ofOrder, Map<Outcome, Long> outcomes) {
        if (ofOrder.isEmpty()) {
            return cancel(fact, null, outcomes);
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Shipment shipment : ofOrder) {
            chain = chain.chain(() -> cancel(fact, shipment, outcomes));
        }
        return chain;
    }

    private Uni<Void> cancel(OrderFact.Cancelled fact, Shipment shipment, Map<Outcome, Long> outcomes) {
        if (shipment == null) {
            outcomes.merge(Outcome.NO_SHIPMENT_TO_CANCEL, 1L, Long::sum);
            return Uni.createFrom().voidItem();
        }
        OrderCancelled cancellation = fact.cancellation();
        String reason = cancellation.reasonCode() + (cancellation.reason() == null ? "" : ": " + cancellation.reason());
        return switch (shipment.cancel(reason, clock.instant())) {
            case CANCELLED -> {
                outcomes.merge(Outcome.CANCELLED, 1L, Long::sum);
                Uni<Void> published = events.cancelled(shipment).replaceWithVoid();
                // No carrier is called inside the consumer's transaction: the label is voided on the item's retry.
                yield shipment.label().isEmpty()
                        ? published
                        : published.chain(() -> exceptions.raise(LABEL_TO_VOID, "ops",
                                shipment.id().toString(),
                                "Shipment " + shipment.id() + " was cancelled with its order; its label "
                                        + shipment.label().get().trackingNumber() + " of " + shipment.label().get().carrier()
                                        + " is still bought: retry to void it",
                                "{\"shipmentId\":\"" + shipment.id() + "\"}").replaceWithVoid());
            }
            case ALREADY_CANCELLED -> {
                outcomes.merge(Outcome.ALREADY_CANCELLED, 1L, Long::sum);
                yield Uni.createFrom().voidItem();
            }
            case ALREADY_DISPATCHED -> {
                outcomes.merge(Outcome.CANCEL_AFTER_DISPATCH, 1L, Long::sum);
                yield exceptions.raise(CANCELLED_AFTER_DISPATCH, "customer-service", shipment.id().toString(),
                        "Order " + shipment.orderId() + " was cancelled (" + reason + ") after its shipment "
                                + shipment.id() + " was " + shipment.status()
                                + ": intercept it with the carrier or expect a return",
                        "{\"shipmentId\":\"" + shipment.id() + "\",\"orderId\":\"" + shipment.orderId() + "\"}")
                        .replaceWithVoid();
            }
        };
    }
}
