package io.portage.yard.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.yard.domain.BookingRefusedException;
import io.portage.yard.domain.Direction;
import io.portage.yard.domain.OutboundShipment;
import io.portage.yard.domain.ShipmentFact;
import io.portage.yard.domain.SiteRules;
import io.portage.yard.repository.OutboundShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The shipments the yard knows from shipment-service's facts, and the check of those an outbound appointment names:
 * each must be known, ship from the appointment's site and be neither dispatched nor cancelled. A failed check follows
 * the site's policy for failed checks (refuse, or hold the booking as requested for a person), as for purchase orders.
 */
@ApplicationScoped
public class OutboundShipments {

    private final OutboundShipmentRepository shipments;

    public OutboundShipments(OutboundShipmentRepository shipments) {
        this.shipments = shipments;
    }

    /** Learns a batch of facts inside the caller's transaction (the consumer kit's); how many shipments changed. */
    @WithSpan("OutboundShipments.learn")
    public Uni<Integer> learn(List<ShipmentFact> facts) {
        Map<UUID, List<ShipmentFact>> byShipment = facts.stream()
                .collect(Collectors.groupingBy(ShipmentFact::shipmentId, LinkedHashMap::new, Collectors.toList()));
        return shipments.byIds(byShipment.keySet()).chain(known -> {
            Map<UUID, OutboundShipment> found = known.stream()
                    .collect(Collectors.toMap(OutboundShipment::shipmentId, Function.identity()));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<UUID, List<ShipmentFact>> entry : byShipment.entrySet()) {
                OutboundShipment shipment = found.get(entry.getKey());
                boolean isNew = shipment == null;
                OutboundShipment current = isNew ? new OutboundShipment(entry.getKey()) : shipment;
                entry.getValue().forEach(current::learn);
                if (isNew) {
                    chain = chain.chain(() -> shipments.persist(current).replaceWithVoid());
                }
            }
            return chain.replaceWith(byShipment.size());
        });
    }

    /** Empty: schedule the booking; a reason: hold it as requested. Fails with the refusal when the site refuses. */
    Uni<Optional<String>> holdReason(SiteRules rules, BookAppointment command) {
        List<String> named = command.shipments();
        if (command.direction() != Direction.OUTBOUND || named.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        List<UUID> ids = named.stream().map(UUID::fromString).toList();
        return Panache.withSession(() -> shipments.byIds(ids)).map(known -> {
            Map<UUID, OutboundShipment> byId = known.stream()
                    .collect(Collectors.toMap(OutboundShipment::shipmentId, Function.identity()));
            List<String> reasons = ids.stream()
                    .map(id -> byId.containsKey(id)
                            ? byId.get(id).refusal(command.site())
                            : id + " is not known to the yard (no fact from shipment-service)")
                    .filter(reason -> reason != null)
                    .toList();
            if (reasons.isEmpty()) {
                return Optional.<String>empty();
            }
            String reason = String.join("; ", reasons);
            if (rules.poCheck().onFailure() == SiteRules.OnFailure.REFUSE) {
                throw new BookingRefusedException("shipment", "shipments", reason);
            }
            return Optional.of("Shipment check failed: " + reason);
        });
    }
}
