package io.portage.shipment.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.shipment.domain.Shipment;
import io.portage.shipment.repository.ShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Reads shipments for the API: one, an order's, or the latest, a partner seeing only its own. */
@ApplicationScoped
public class ShipmentService {

    private final ShipmentRepository shipments;

    public ShipmentService(ShipmentRepository shipments) {
        this.shipments = shipments;
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
                .map(found -> found.stream()
                        .filter(s -> partnerId == null || partnerId.equals(s.partnerId()))
                        .toList());
    }

    /** Shipments by the channel's order number, an Odoo reference or a tracking number (exact; null matches all). */
    public Uni<List<Shipment>> search(String partnerId, String orderNumber, String odooRef, String trackingNumber,
            int limit) {
        return Panache.withSession(() -> shipments.search(partnerId, orderNumber, odooRef, trackingNumber, limit));
    }

    public Uni<List<Shipment>> latest(String partnerId, int limit) {
        return Panache.withSession(() -> partnerId == null ? shipments.latest(limit) : shipments.latestOf(partnerId, limit));
    }
}
