package io.portage.yard.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.yard.domain.OutboundShipment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The shipments the yard knows from shipment-service's facts. */
@ApplicationScoped
public class OutboundShipmentRepository implements PanacheRepositoryBase<OutboundShipment, UUID> {

    public Uni<List<OutboundShipment>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("shipmentId in ?1", ids);
    }
}
