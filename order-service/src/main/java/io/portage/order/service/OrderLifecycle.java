package io.portage.order.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.contracts.order.OrderCancelled;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.order.domain.FulfilmentOutcome;
import io.portage.order.domain.Order;
import io.portage.order.domain.OrderStatus;
import io.portage.order.repository.OrderRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Follows released orders through fulfilment from the events of the warehouse ({@code portage.warehouse}: picked,
 * packed), shipment-service ({@code portage.shipments}: planned, dispatched, in transit, delivered) and Odoo
 * ({@code portage.erp}: transfers done, invoice posted, order cancelled). A batch is applied in the consumer's
 * transaction, after its inbox: milestones never moving an order back (late ones recorded in its history), an Odoo
 * cancellation turned into OrderCancelled through the outbox, contradictions raised as
 * {@value #CANCEL_CONFLICT} exceptions. Events naming a Portage order or shipment this service does not know are
 * answered as {@link Report#unknown()} (the consumer dead-letters them and takes them out of its inbox, and a replay
 * applies them once the order is known); Odoo's events about sale orders that are not Portage's are skipped.
 */
@ApplicationScoped
public class OrderLifecycle {

    /** Inbox and dead-letter names of the three consumers. */
    public static final String WAREHOUSE = "order-service.warehouse";
    public static final String SHIPMENTS = "order-service.shipments";
    public static final String ERP = "order-service.erp";

    /**
     * Exception type of an order whose fulfilment contradicts its cancellation (Odoo cancelled it after picking or
     * dispatch, or goods moved after it was cancelled); business key = order id.
     */
    public static final String CANCEL_CONFLICT = "order.cancel-conflict";

    private final OrderRepository orders;
    private final OrderEvents events;
    private final ExceptionQueue exceptions;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public OrderLifecycle(OrderRepository orders, OrderEvents events, ExceptionQueue exceptions,
            ObjectMapper json) {
        this.orders = orders;
        this.events = events;
        this.exceptions = exceptions;
        this.json = json;
    }

    /**
     * What one batch did: per outcome (SKIPPED: not a Portage order), the events whose Portage order is unknown, and
     * the skipped ones (neither is applied: the consumer takes them out of its inbox).
     */
    public record Report(Map<Result, Long> counts, List<LifecycleEvent> unknown, List<LifecycleEvent> skipped) {
    }

    /** What happened to one event. */
    public enum Result {
        APPLIED, SAME, LATE, NOT_RELEASED, CONFLICT, LINKED, SKIPPED, UNKNOWN
    }

    /**
     * Applies the first deliveries in {@code batch} (in its order) for {@code consumer}, in the caller's transaction
     * (the consumer's, which has recorded them in its inbox).
     */
    @WithSpan("OrderLifecycle.apply")
    public Uni<Report> apply(@SpanAttribute("portage.consumer") String consumer, List<LifecycleEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(new Report(new EnumMap<>(Result.class), List.of(), List.of()));
        }
        return linkShipments(batch).chain(() -> resolve(batch)).chain(resolved -> {
            Map<Result, Long> counts = new EnumMap<>(Result.class);
            List<LifecycleEvent> unknown = new ArrayList<>();
            List<LifecycleEvent> skipped = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (LifecycleEvent event : batch) {
                Order order = resolved.get(event);
                if (order != null) {
                    chain = chain.chain(() -> applyTo(order, event).invoke(result -> count(counts, result))
                            .replaceWithVoid());
                } else if (event.ref().portageOwned()) {
                    unknown.add(event);
                    count(counts, Result.UNKNOWN);
                } else {
                    skipped.add(event);
                    count(counts, Result.SKIPPED);
                }
            }
            return chain.map(ignored -> new Report(counts, unknown, skipped));
        });
    }

    private static void count(Map<Result, Long> counts, Result result) {
        counts.merge(result, 1L, Long::sum);
    }

    /** Links the batch's planned shipments to their orders first, so later events of the same batch find them. */
    private Uni<Void> linkShipments(List<LifecycleEvent> batch) {
        Map<UUID, UUID> planned = new LinkedHashMap<>();
        batch.forEach(event -> {
            if (event.fact() instanceof LifecycleEvent.ShipmentPlanned shipment) {
                planned.putIfAbsent(shipment.shipmentId(), UUID.fromString(event.ref().value()));
            }
        });
        if (planned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return orders.findByIds(new HashSet<>(planned.values())).chain(found -> {
            Set<UUID> known = new HashSet<>();
            found.forEach(order -> known.add(order.id()));
            planned.values().removeIf(orderId -> !known.contains(orderId));
            return orders.linkShipments(planned, clock.instant());
        });
    }

    /** The order each event is about, for the events whose order is known here. */
    private Uni<Map<LifecycleEvent, Order>> resolve(List<LifecycleEvent> batch) {
        Set<UUID> shipmentIds = new HashSet<>();
        Set<Long> odooIds = new HashSet<>();
        Set<String> odooNames = new HashSet<>();
        for (LifecycleEvent event : batch) {
            switch (event.ref().kind()) {
                case SHIPMENT -> shipmentIds.add(UUID.fromString(event.ref().value()));
                case ODOO_ORDER_ID -> odooIds.add(Long.valueOf(event.ref().value()));
                case ODOO_ORDER_NAME -> odooNames.add(event.ref().value());
                case ORDER -> {
                }
            }
        }
        return orders.ordersOfShipments(shipmentIds).chain(shipmentOrders -> {
            Set<UUID> orderIds = new HashSet<>(shipmentOrders.values());
            batch.stream()
                    .filter(event -> event.ref().kind() == LifecycleEvent.Kind.ORDER)
                    .forEach(event -> orderIds.add(UUID.fromString(event.ref().value())));
            return orders.findByIds(orderIds)
                    .chain(byId -> orders.findByOdooOrderIds(odooIds)
                            .chain(
                                    byOdooId -> orders.findByOdooNames(odooNames).map(byName -> {
                                        Map<String, Order> index = new HashMap<>();
                                        byId.forEach(order -> index.put("ORDER:" + order.id(), order));
                                        shipmentOrders.forEach((shipment, orderId) -> byId.stream()
                                                .filter(order -> order.id().equals(orderId))
                                                .findFirst()
                                                .ifPresent(order -> index.put("SHIPMENT:" + shipment, order)));
                                        byOdooId.forEach(order -> index.put("ODOO_ORDER_ID:" + order.odoo().id(), order));
                                        byName.forEach(order -> index.put("ODOO_ORDER_NAME:" + order.odoo().name(), order));
                                        Map<LifecycleEvent, Order> resolved = new HashMap<>();
                                        for (LifecycleEvent event : batch) {
                                            Order order = index.get(event.ref().kind() + ":" + event.ref().value());
                                            if (order != null) {
                                                resolved.put(event, order);
                                            }
                                        }
                                        return resolved;
                                    })));
        });
    }

    private Uni<Result> applyTo(Order order, LifecycleEvent event) {
        return switch (event.fact()) {
            case LifecycleEvent.ShipmentPlanned planned -> Uni.createFrom().item(Result.LINKED);
            case LifecycleEvent.Milestone milestone -> afterward(order, event, order.reach(milestone.status(),
                    event.at(), event.source(), milestone.detail(), milestone.recordLate()));
            case LifecycleEvent.PickingDone done -> afterward(order, event,
                    order.pickingDone(done.pickingId(), done.name(), done.trackingRef(), event.at(), event.source()));
            case LifecycleEvent.Invoiced invoice -> Uni.createFrom()
                    .item(result(order.invoiced(invoice.invoiceName(), event.at(), event.source())));
            case LifecycleEvent.CancelledInErp cancelled -> cancelInErp(order, event, cancelled);
        };
    }

    /** After a milestone: a conflict (goods moving after a cancellation) goes to a person. */
    private Uni<Result> afterward(Order order, LifecycleEvent event, FulfilmentOutcome outcome) {
        if (outcome == FulfilmentOutcome.CONFLICT) {
            return conflict(order, event,
                    "Order " + order.intake().channel() + "/" + order.intake().externalId() + " is CANCELLED but "
                            + event.source() + " reported it " + milestoneOf(event) + ": stop or return the goods");
        }
        return Uni.createFrom().item(result(outcome));
    }

    private Uni<Result> cancelInErp(Order order, LifecycleEvent event, LifecycleEvent.CancelledInErp cancelled) {
        OrderStatus before = order.status();
        FulfilmentOutcome outcome = order.cancelInErp("Cancelled in Odoo (" + cancelled.odooName() + ")", event.at(),
                event.source());
        Uni<Void> published = order.status() == OrderStatus.CANCELLED && before != OrderStatus.CANCELLED
                ? events.orderCancelled(order, OrderCancelled.ReasonCode.OTHER,
                        new OrderCancelled.Actor(OrderCancelled.ActorType.SYSTEM, "odoo")).replaceWithVoid()
                : Uni.createFrom().voidItem();
        Log.infof("Order %s/%s cancelled in Odoo as %s while %s: %s", order.intake().channel(), order.intake().externalId(),
                cancelled.odooName(), before, outcome);
        if (outcome != FulfilmentOutcome.CONFLICT) {
            return published.replaceWith(result(outcome));
        }
        String summary = before == OrderStatus.DISPATCHED || before == OrderStatus.DELIVERED
                ? "Order " + order.intake().channel() + "/" + order.intake().externalId() + " was cancelled in Odoo ("
                        + cancelled.odooName()
                        + ") after it was " + before + ": arrange a return or a credit note"
                : "Order " + order.intake().channel() + "/" + order.intake().externalId() + " was cancelled in Odoo ("
                        + cancelled.odooName()
                        + ") after it was " + before + ": put the goods back to stock";
        return published.chain(() -> conflict(order, event, summary));
    }

    private Uni<Result> conflict(Order order, LifecycleEvent event, String summary) {
        ObjectNode payload = json.createObjectNode();
        payload.put("orderId", order.id().toString());
        payload.put("channel", order.intake().channel());
        payload.put("externalId", order.intake().externalId());
        payload.put("partnerId", order.intake().partnerId());
        payload.put("status", order.status().name());
        payload.put("eventId", event.eventId());
        payload.put("eventType", event.type());
        payload.put("at", event.at().toString());
        return exceptions.raise(CANCEL_CONFLICT, OrderChecks.OWNER, order.id().toString(), summary, payload.toString())
                .replaceWith(Result.CONFLICT);
    }

    private static String milestoneOf(LifecycleEvent event) {
        return event.fact() instanceof LifecycleEvent.Milestone milestone ? milestone.status().name() : "DISPATCHED";
    }

    private static Result result(FulfilmentOutcome outcome) {
        return Result.valueOf(outcome.name());
    }
}
