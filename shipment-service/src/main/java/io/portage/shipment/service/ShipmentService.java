package io.portage.shipment.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.contracts.order.OrderReceived;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.repository.ShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Plans shipments for received orders (the first deliveries the consumer's inbox let through, in its transaction):
 * each order gets one shipment however many events speak of it.
 */
@ApplicationScoped
public class ShipmentService {

    private final ShipmentRepository shipments;
    private final Clock clock = Clock.systemUTC();

    public ShipmentService(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    /** Whether applying an event created a shipment or found the one an earlier delivery created. */
    public enum Outcome {
        PLANNED, ALREADY_PLANNED
    }

    /** The inbox and dead-letter name of the consumer of order events. */
    public static final String CONSUMER = "shipment-service.orders";

    /** A received order as delivered: the event's id and correlation id, and its data. */
    public record ReceivedOrder(String eventId, String correlationId, OrderReceived order) {
    }

    /**
     * Plans a shipment for each order among received orders the inbox has let through (first deliveries), in the
     * caller's transaction: one per order, whatever number of events speak of it.
     */
    @WithSpan("ShipmentService.plan")
    public Uni<Map<Outcome, Long>> plan(@SpanAttribute("portage.batch_size") int size, List<ReceivedOrder> fresh) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        // One shipment per order: the first event of an order plans it; one statement inserts the batch's shipments,
        // and an order planned by an earlier batch keeps its shipment.
        Map<UUID, Shipment> candidates = new LinkedHashMap<>();
        for (ReceivedOrder received : fresh) {
            UUID orderId = UUID.fromString(received.order().orderId());
            if (candidates.containsKey(orderId)) {
                outcomes.merge(Outcome.ALREADY_PLANNED, 1L, Long::sum);
            } else {
                candidates.put(orderId, plan(received, orderId));
            }
        }
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(outcomes);
        }
        return shipments.insertNew(candidates.values()).map(inserted -> {
            if (inserted > 0) {
                outcomes.merge(Outcome.PLANNED, (long) inserted, Long::sum);
            }
            if (candidates.size() > inserted) {
                outcomes.merge(Outcome.ALREADY_PLANNED, (long) (candidates.size() - inserted), Long::sum);
            }
            return outcomes;
        });
    }

    private Shipment plan(ReceivedOrder received, UUID orderId) {
        OrderReceived order = received.order();
        BigDecimal total = order.lines().stream().map(OrderReceived.Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        OrderReceived.Address address = order.customer().address();
        return Shipment.plan(orderId, order.partnerId(), order.warehouse(),
                new Shipment.ShipTo(order.customer().name(), address.city(), address.postalCode(), address.country()),
                order.lines().size(), total, received.eventId(), received.correlationId(), clock.instant());
    }

    /** A shipment; {@link ShipmentNotFoundException} when there is none or it is not {@code partnerId}'s (null: anyone's, for operators). */
    public Uni<Shipment> find(UUID id, String partnerId) {
        return Panache.withSession(() -> shipments.findById(id))
                .map(shipment -> shipment == null || partnerId != null && !partnerId.equals(shipment.partnerId())
                        ? null
                        : shipment)
                .onItem()
                .ifNull()
                .failWith(() -> new ShipmentNotFoundException(id));
    }

    public Uni<List<Shipment>> forOrder(UUID orderId, String partnerId) {
        return Panache.withSession(() -> shipments.findByOrderId(orderId))
                .map(s -> s == null || partnerId != null && !partnerId.equals(s.partnerId()) ? List.of() : List.of(s));
    }

    public Uni<List<Shipment>> latest(String partnerId, int limit) {
        return Panache.withSession(() -> partnerId == null ? shipments.latest(limit) : shipments.latestOf(partnerId, limit));
    }
}
