package io.portage.shipment.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.shipment.domain.ShipmentReturn;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Returns of shipments ({@code shipment_return}). */
@ApplicationScoped
public class ReturnRepository implements PanacheRepositoryBase<ShipmentReturn, UUID> {

    public Uni<List<ShipmentReturn>> ofShipment(UUID shipmentId) {
        return find("shipmentId = ?1 order by initiatedAt", shipmentId).list();
    }
}
