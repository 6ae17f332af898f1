package io.portage.shipment.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.shipment.domain.OdooHandOver;
import io.portage.shipment.repository.HandOverRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Reads a shipment's writes into Odoo for operators. */
@ApplicationScoped
public class HandOverService {

    private final ShipmentService shipments;
    private final HandOverRepository handOvers;

    public HandOverService(ShipmentService shipments, HandOverRepository handOvers) {
        this.shipments = shipments;
        this.handOvers = handOvers;
    }

    /** The shipment's hand-overs, oldest first; {@link ShipmentNotFoundException} for an unknown shipment. */
    public Uni<List<OdooHandOver>> ofShipment(UUID id) {
        return shipments.find(id, null).chain(() -> Panache.withSession(() -> handOvers.ofShipment(id)));
    }
}
