package io.portage.order.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.order.domain.InventoryReconciliation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Inventory reconciliations (snapshot and report) in the {@code orders} schema. */
@ApplicationScoped
public class InventoryRepository implements PanacheRepositoryBase<InventoryReconciliation, UUID> {

    /** The newest first. */
    public Uni<List<InventoryReconciliation>> latest(int limit) {
        return find("order by receivedAt desc, id").page(0, limit).list();
    }
}
