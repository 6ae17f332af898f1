package io.portage.shipment.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.shipment.domain.Shipment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Shipments in the {@code shipments} schema. */
@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<Shipment, UUID> {

    public Uni<Shipment> findByOrderId(UUID orderId) {
        return find("orderId", orderId).firstResult();
    }

    public Uni<List<Shipment>> findByOrderIds(List<UUID> orderIds) {
        return orderIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("orderId in ?1", orderIds);
    }

    public Uni<List<Shipment>> latest(int limit) {
        return find("order by plannedAt desc").page(0, limit).list();
    }

    public Uni<List<Shipment>> latestOf(String partnerId, int limit) {
        return find("partnerId = ?1 order by plannedAt desc", partnerId).page(0, limit).list();
    }
}
