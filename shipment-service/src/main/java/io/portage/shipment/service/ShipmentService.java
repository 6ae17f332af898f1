package io.portage.shipment.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

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
import io.quarkus.logging.Log;
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

    static final String CONSUMER = "shipment-service.orders";

    @WithSpan("ShipmentService.planFor")
    public Uni<Outcome> planFor(OrderReceived order, @SpanAttribute("portage.event_id") String eventId, String correlationId) {
        UUID orderId = UUID.fromString(order.orderId());
        return inbox.applyOnce(CONSUMER, eventId, EventCatalog.ORDER_RECEIVED_V1.type(),
                () -> shipments.findByOrderId(orderId).chain(existing -> {
                    if (existing != null) {
                        Log.debugf("Order %s already has shipment %s; event %s changes nothing", orderId, existing.id(),
                                eventId);
                        return Uni.createFrom().item(Outcome.ALREADY_PLANNED);
                    }
                    BigDecimal total = order.lines()
                            .stream()
                            .map(OrderReceived.Line::quantity)
                            .reduce(BigDecimal.ZERO,
                                    BigDecimal::add);
                    OrderReceived.Address address = order.customer().address();
                    Shipment shipment = Shipment.plan(orderId, order.partnerId(), order.warehouse(),
                            new Shipment.ShipTo(order.customer().name(), address.city(), address.postalCode(),
                                    address.country()),
                            order.lines().size(), total, eventId, correlationId, clock.instant());
                    return shipments.persist(shipment).replaceWith(Outcome.PLANNED);
                }), Outcome.DUPLICATE_EVENT);
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
