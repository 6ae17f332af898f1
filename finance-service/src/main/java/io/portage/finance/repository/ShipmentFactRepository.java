package io.portage.finance.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.ShipmentFact;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Shipment facts in the {@code finance} schema. */
@ApplicationScoped
public class ShipmentFactRepository implements PanacheRepositoryBase<ShipmentFact, ShipmentFact.Key> {

    /** Every fact of these shipments. */
    public Uni<List<ShipmentFact>> ofShipments(Collection<String> shipmentIds) {
        return list("shipmentId in ?1", shipmentIds);
    }

    /** Every fact of the shipments created for these orders. */
    public Uni<List<ShipmentFact>> ofOrders(Collection<String> orderIds) {
        return list("shipmentId in (select f.shipmentId from ShipmentFact f where f.orderId in ?1 and f.kind = ?2)",
                orderIds, ShipmentFact.Kind.CREATED);
    }
}
