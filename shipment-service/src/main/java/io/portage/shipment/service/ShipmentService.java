package io.portage.shipment.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.contracts.EventCatalog;
import io.portage.contracts.order.OrderReceived;
import io.portage.kit.events.Inbox;
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
    private final Inbox inbox;
    private final Clock clock = Clock.systemUTC();

    public ShipmentService(ShipmentRepository shipments, Inbox inbox) {
        this.shipments = shipments;
        this.inbox = inbox;
    }

    /** Whether applying an event created a shipment or found the one an earlier delivery created. */
    public enum Outcome {
        PLANNED, ALREADY_PLANNED, DUPLICATE_EVENT
    }

    /** The inbox and dead-letter name of the consumer of order events. */
    public static final String CONSUMER = "shipment-service.orders";

    /** A received order as delivered: the event's id and correlation id, and its data. */
    public record ReceivedOrder(String eventId, String correlationId, OrderReceived order) {
    }

    /**
     * Applies a batch of OrderReceived events in one transaction: events applied before are skipped (the inbox), and
     * every order gets one shipment however many events speak of it.
     */
    @WithSpan("ShipmentService.planFor")
    public Uni<Map<Outcome, Long>> planFor(@SpanAttribute("portage.batch_size") int size, List<ReceivedOrder> batch) {
        return Panache.withTransaction(() -> inbox.firstDeliveries(CONSUMER, batch, ReceivedOrder::eventId,
                received -> EventCatalog.ORDER_RECEIVED_V1.type()).chain(fresh -> {
                    List<UUID> orderIds = fresh.stream()
                            .map(received -> UUID.fromString(received.order().orderId()))
                            .distinct()
                            .toList();
                    return shipments.findByOrderIds(orderIds).chain(existing -> {
                        Set<UUID> planned = existing.stream()
                                .map(Shipment::orderId)
                                .collect(Collectors.toCollection(HashSet::new));
                        List<Shipment> created = new ArrayList<>();
                        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
                        outcomes.put(Outcome.DUPLICATE_EVENT, (long) (batch.size() - fresh.size()));
                        for (ReceivedOrder received : fresh) {
                            UUID orderId = UUID.fromString(received.order().orderId());
                            if (!planned.add(orderId)) {
                                outcomes.merge(Outcome.ALREADY_PLANNED, 1L, Long::sum);
                                continue;
                            }
                            created.add(plan(received, orderId));
                            outcomes.merge(Outcome.PLANNED, 1L, Long::sum);
                        }
                        return created.isEmpty()
                                ? Uni.createFrom().item(outcomes)
                                : shipments.persist(created).replaceWith(outcomes);
                    });
                }));
    }

    private Shipment plan(ReceivedOrder received, UUID orderId) {
        OrderReceived order = received.order();
        BigDecimal total = order.lines().stream().map(OrderReceived.Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        OrderReceived.Address address = order.customer().address();
        return Shipment.plan(orderId, order.partnerId(), order.warehouse(),
                new Shipment.ShipTo(order.customer().name(), address.city(), address.postalCode(), address.country()),
                order.lines().size(), total, received.eventId(), received.correlationId(), clock.instant());
    }

    public Uni<Shipment> find(UUID id) {
        return Panache.withSession(() -> shipments.findById(id))
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Shipment", id));
    }

    public Uni<List<Shipment>> forOrder(UUID orderId) {
        return Panache.withSession(() -> shipments.findByOrderId(orderId)).map(s -> s == null ? List.of() : List.of(s));
    }

    public Uni<List<Shipment>> latest(int limit) {
        return Panache.withSession(() -> shipments.latest(limit));
    }
}
