package io.portage.shipment.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.order.OrderReceived;
import io.portage.kit.events.Inbox;
import io.portage.kit.events.SequencedEvent;
import io.portage.kit.events.Sequencer;
import io.portage.kit.rest.ProblemException;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.repository.ShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Plans shipments for received orders: each event is applied once (the inbox, in the same transaction as the
 * shipment), and each order gets one shipment however many events speak of it.
 */
@ApplicationScoped
public class ShipmentService {

    private final ShipmentRepository shipments;
    private final Sequencer sequencer;
    private final Inbox inbox;
    private final Clock clock = Clock.systemUTC();

    public ShipmentService(ShipmentRepository shipments, Sequencer sequencer, Inbox inbox) {
        this.shipments = shipments;
        this.sequencer = sequencer;
        this.inbox = inbox;
    }

    /** Whether applying an event created a shipment or found the one an earlier delivery created. */
    public enum Outcome {
        PLANNED, ALREADY_PLANNED, DUPLICATE_EVENT, PARKED, LATE_EVENT
    }

    /** The inbox and dead-letter name of the consumer of order events. */
    public static final String CONSUMER = "shipment-service.orders";

    /** A received order as delivered: the event's id and correlation id, and its data. */
    public record ReceivedOrder(String eventId, String correlationId, OrderReceived order) {
    }

    /**
     * Applies a batch of order events as delivered, in one transaction: the sequencer puts each order's events in
     * order (parking early ones, releasing those they unblock, dropping late ones), {@code reader} turns the ready
     * ones this service cares about into received orders (empty for other types, and for records the consumer has
     * dead-lettered already), the inbox drops events applied before, and each order gets one shipment.
     */
    @WithSpan("ShipmentService.apply")
    public Uni<Map<Outcome, Long>> apply(@SpanAttribute("portage.batch_size") int size, List<SequencedEvent> batch,
            Function<SequencedEvent, Optional<ReceivedOrder>> reader) {
        return Panache.withTransaction(() -> sequencer.admit(CONSUMER, batch).chain(admission -> {
            List<ReceivedOrder> orders = admission.ready().stream().map(reader).flatMap(Optional::stream).toList();
            return planInTransaction(orders).invoke(outcomes -> {
                outcomes.put(Outcome.PARKED, (long) admission.parked());
                outcomes.put(Outcome.LATE_EVENT, (long) admission.late());
            });
        }));
    }

    /**
     * Applies events the sequencer has released already (parked ones an operator let through with the gap accepted),
     * in the caller's transaction, through the inbox.
     */
    public Uni<Map<Outcome, Long>> applyReleased(List<SequencedEvent> ready,
            Function<SequencedEvent, Optional<ReceivedOrder>> reader) {
        return planInTransaction(ready.stream().map(reader).flatMap(Optional::stream).toList());
    }

    /**
     * Applies OrderReceived events in one transaction without ordering checks (a replayed dead letter: its place in
     * the order was settled when it first arrived); events applied before are skipped (the inbox).
     */
    @WithSpan("ShipmentService.planFor")
    public Uni<Map<Outcome, Long>> planFor(@SpanAttribute("portage.batch_size") int size, List<ReceivedOrder> batch) {
        return Panache.withTransaction(() -> planInTransaction(batch));
    }

    private Uni<Map<Outcome, Long>> planInTransaction(List<ReceivedOrder> batch) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        if (batch.isEmpty()) {
            return Uni.createFrom().item(outcomes);
        }
        return inbox.firstDeliveries(CONSUMER, batch, ReceivedOrder::eventId,
                received -> EventCatalog.ORDER_RECEIVED_V1.type()).chain(fresh -> {
                    outcomes.put(Outcome.DUPLICATE_EVENT, (long) (batch.size() - fresh.size()));
                    // One shipment per order: the first fresh event of an order plans it; one statement inserts the
                    // batch's shipments, and an order planned by an earlier batch keeps its shipment.
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

    /** A shipment; 404 when there is none or it is not {@code partnerId}'s (null: anyone's, for operators). */
    public Uni<Shipment> find(UUID id, String partnerId) {
        return Panache.withSession(() -> shipments.findById(id))
                .map(shipment -> shipment == null || partnerId != null && !partnerId.equals(shipment.partnerId())
                        ? null
                        : shipment)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Shipment", id));
    }

    public Uni<List<Shipment>> forOrder(UUID orderId, String partnerId) {
        return Panache.withSession(() -> shipments.findByOrderId(orderId))
                .map(s -> s == null || partnerId != null && !partnerId.equals(s.partnerId()) ? List.of() : List.of(s));
    }

    public Uni<List<Shipment>> latest(String partnerId, int limit) {
        return Panache.withSession(() -> partnerId == null ? shipments.latest(limit) : shipments.latestOf(partnerId, limit));
    }
}
