package io.portage.shipment.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.shipment.domain.Parcels;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.repository.ShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The end-of-day manifest of one carrier and origin: every shipment dispatched that day (UTC) with its tracking
 * number, parcels and weight, and the totals. Built from Portage's records; it is not submitted to the carrier.
 */
@ApplicationScoped
public class ManifestService {

    private final ShipmentRepository shipments;

    public ManifestService(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    /** One shipment on the manifest. */
    public record Entry(UUID shipmentId, UUID orderId, String trackingNumber, String service, int parcels,
            BigDecimal weightKg, String destinationCity, String destinationCountry, Instant dispatchedAt) {
    }

    /** A carrier's manifest for one origin and day. */
    public record Manifest(String carrier, String origin, LocalDate date, int shipments, int parcels,
            BigDecimal totalWeightKg, List<Entry> entries) {
    }

    public Uni<Manifest> manifest(String carrier, String origin, LocalDate date) {
        Instant from = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        return Panache.withSession(() -> shipments.dispatchedBy(carrier, origin, from, from.plus(java.time.Duration.ofDays(1))))
                .map(found -> {
                    List<Entry> entries = found.stream().map(ManifestService::entry).toList();
                    return new Manifest(carrier, origin, date, entries.size(),
                            entries.stream().mapToInt(Entry::parcels).sum(),
                            entries.stream().map(Entry::weightKg).reduce(BigDecimal.ZERO, BigDecimal::add), entries);
                });
    }

    private static Entry entry(Shipment shipment) {
        List<Parcels.Labelled> parcels = shipment.parcels();
        var label = shipment.label().orElseThrow();
        return new Entry(shipment.id(), shipment.orderId(), label.trackingNumber(), label.service(), parcels.size(),
                parcels.stream().map(p -> p.parcel().weightKg()).reduce(BigDecimal.ZERO, BigDecimal::add),
                shipment.shipTo().city(), shipment.shipTo().country(), shipment.dispatchedAt());
    }
}
