package io.portage.shipment.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.contracts.shipment.ReturnReceived;
import io.portage.shipment.domain.OdooHandOver;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.domain.ShipmentLine;
import io.portage.shipment.domain.ShipmentReturn;
import io.portage.shipment.repository.HandOverRepository;
import io.portage.shipment.repository.ReturnRepository;
import io.portage.shipment.repository.ShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Returns: opened for a dispatched shipment by its partner or customer service, received at a site; each published. */
@ApplicationScoped
public class ReturnService {

    private final ShipmentService shipments;
    private final ShipmentRepository shipmentRepository;
    private final ReturnRepository returns;
    private final ShipmentEvents events;
    private final HandOverRepository handOvers;
    private final Clock clock = Clock.systemUTC();

    public ReturnService(ShipmentService shipments, ShipmentRepository shipmentRepository, ReturnRepository returns,
            ShipmentEvents events, HandOverRepository handOvers) {
        this.handOvers = handOvers;
        this.shipments = shipments;
        this.shipmentRepository = shipmentRepository;
        this.returns = returns;
        this.events = events;
    }

    @WithSpan("ReturnService.initiate")
    public Uni<ShipmentReturn> initiate(@SpanAttribute("portage.shipment_id") UUID id, String partnerId,
            String reasonCode, List<ShipmentReturn.Line> lines, String actor) {
        return shipments.find(id, partnerId)
                .chain(() -> Panache.withTransaction(() -> shipmentRepository.findById(id)
                        .chain(shipment -> {
                            ShipmentReturn opened = ShipmentReturn.initiate(shipment, reasonCode, lines, actor,
                                    clock.instant());
                            return returns.persist(opened)
                                    .chain(() -> events.returnInitiated(shipment, opened))
                                    .replaceWith(opened);
                        })));
    }

    @WithSpan("ReturnService.receive")
    public Uni<ShipmentReturn> receive(@SpanAttribute("portage.shipment_id") UUID id, String partnerId, UUID returnId,
            String site, List<ShipmentReturn.ReceivedLine> lines) {
        return shipments.find(id, partnerId)
                .chain(() -> Panache.withTransaction(() -> returns.findById(returnId)
                        .chain(found -> {
                            if (found == null || !found.shipmentId().equals(id)) {
                                return Uni.createFrom().<ShipmentReturn>failure(new ReturnNotFoundException(returnId));
                            }
                            found.receive(site, lines, clock.instant());
                            return shipmentRepository.findById(id)
                                    .chain(shipment -> events.returnReceived(shipment, found)
                                            .chain(() -> returnToOdoo(shipment, found)))
                                    .replaceWith(found);
                        })));
    }

    /**
     * The lines that came back resellable go back into Odoo's stock as a return of the delivery (ODOO.md); damaged or
     * scrapped goods stay out of it.
     */
    private Uni<Void> returnToOdoo(Shipment shipment, ShipmentReturn received) {
        List<ShipmentLine> accepted = received.receivedLines()
                .stream()
                .filter(line -> ReturnReceived.Condition.RESELLABLE.name().equals(line.condition()))
                .map(line -> new ShipmentLine(line.sku(), line.quantity()))
                .toList();
        if (accepted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return handOvers.persist(OdooHandOver.returned(shipment, received.id(), accepted, clock.instant()))
                .replaceWithVoid();
    }

    public Uni<List<ShipmentReturn>> ofShipment(UUID id, String partnerId) {
        return shipments.find(id, partnerId).chain(() -> Panache.withSession(() -> returns.ofShipment(id)));
    }
}
