package io.portage.shipment.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.portage.kit.ops.ExceptionQueue;
import io.portage.shipment.client.CarrierRegistry;
import io.portage.shipment.domain.Shipment;
import io.portage.shipment.domain.carrier.TrackingScan;
import io.portage.shipment.domain.tracking.CarrierCodes;
import io.portage.shipment.domain.tracking.MappedScan;
import io.portage.shipment.domain.tracking.Tracker;
import io.portage.shipment.domain.tracking.TrackingHistoryEntry;
import io.portage.shipment.repository.ShipmentRepository;
import io.portage.shipment.repository.TrackerRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Applies carriers' tracking scans, from webhooks and polls alike, to the tracker their carrier, number and ship-date
 * window name: every scan kept once with its raw code and message, late ones in the history only, the status never
 * moving back; each scan that moves it is published (tracking updated, delivery exception, proof of delivery), and a
 * delivery exception opens an exception-queue item for customer service.
 */
@ApplicationScoped
public class TrackingService {

    /** The exception-queue type of a carrier's delivery exception (address, damaged, refused, ...). */
    public static final String DELIVERY_EXCEPTION = "shipment.delivery-exception";

    private final TrackerRepository trackers;
    private final ShipmentRepository shipments;
    private final CarrierRegistry carriers;
    private final ShipmentEvents events;
    private final ExceptionQueue exceptions;
    private final CarrierCodes codes = CarrierCodes.load();
    private final Clock clock = Clock.systemUTC();

    public TrackingService(TrackerRepository trackers, ShipmentRepository shipments, CarrierRegistry carriers,
            ShipmentEvents events, ExceptionQueue exceptions) {
        this.trackers = trackers;
        this.shipments = shipments;
        this.carriers = carriers;
        this.events = events;
        this.exceptions = exceptions;
    }

    /** Where scans come from. */
    public enum Source {
        WEBHOOK, POLL,
        /** An EDI-only carrier's X12 214 relayed by edi-gateway: its codes read with the EDI 214 table, whatever the carrier's style. */
        EDI
    }

    /** What recording a carrier's scans did. */
    public record Recorded(int applied, int late, int duplicates, int unmatched) {

        /** Nothing recorded. */
        public static final Recorded NONE = new Recorded(0, 0, 0, 0);

        /** Both together. */
        public Recorded plus(Recorded other) {
            return new Recorded(applied + other.applied, late + other.late, duplicates + other.duplicates,
                    unmatched + other.unmatched);
        }
    }

    /** Starts tracking a shipment's label from its ship date, in the caller's transaction. */
    public Uni<Tracker> start(UUID shipmentId, String carrier, String trackingNumber, LocalDate shipDate) {
        return trackers.persist(Tracker.start(shipmentId, carrier, trackingNumber, shipDate, clock.instant()));
    }

    /** Records a carrier's scans of one tracking number, in a transaction of its own. */
    @WithSpan("TrackingService.record")
    public Uni<Recorded> record(@SpanAttribute("portage.carrier") String carrier, String trackingNumber,
            List<TrackingScan> scans, Source source) {
        String style = source == Source.EDI ? CarrierCodes.EDI_214 : carriers.settings(carrier).style().name();
        return Panache.withTransaction(() -> trackers.byNumber(carrier, trackingNumber).chain(candidates -> {
            Map<Tracker, List<MappedScan>> byTracker = new LinkedHashMap<>();
            int unmatched = 0;
            for (TrackingScan scan : scans) {
                Tracker tracker = Tracker.pick(candidates, scan.occurredAt());
                if (tracker == null) {
                    unmatched++;
                } else {
                    byTracker.computeIfAbsent(tracker, t -> new ArrayList<>())
                            .add(new MappedScan(scan, codes.meaning(style, scan.rawCode())));
                }
            }
            Recorded none = new Recorded(0, 0, 0, unmatched);
            return Multi.createFrom()
                    .iterable(byTracker.entrySet())
                    .onItem()
                    .transformToUniAndConcatenate(entry -> apply(entry.getKey(), entry.getValue(), source))
                    .collect()
                    .with(java.util.stream.Collectors.reducing(none, Recorded::plus));
        }));
    }

    private Uni<Recorded> apply(Tracker tracker, List<MappedScan> scans, Source source) {
        Instant now = clock.instant();
        return trackers.storeNew(tracker.id(), scans, source.name(), now).chain(storedKeys -> {
            Set<String> first = new HashSet<>(storedKeys);
            List<MappedScan> fresh = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            for (MappedScan scan : scans) {
                if (first.contains(scan.key()) && taken.add(scan.key())) {
                    fresh.add(scan);
                }
            }
            List<MappedScan> applied = tracker.apply(fresh);
            Recorded recorded = new Recorded(applied.size(), fresh.size() - applied.size(), scans.size() - fresh.size(), 0);
            if (applied.isEmpty()) {
                return Uni.createFrom().item(recorded);
            }
            return trackers.markApplied(tracker.id(), applied)
                    .chain(() -> shipments.findById(tracker.shipmentId()))
                    .chain(shipment -> Multi.createFrom()
                            .iterable(applied)
                            .onItem()
                            .transformToUniAndConcatenate(scan -> publish(shipment, tracker, scan, now))
                            .collect()
                            .last())
                    .replaceWith(recorded);
        });
    }

    private Uni<Void> publish(Shipment shipment, Tracker tracker, MappedScan scan, Instant now) {
        return switch (scan.status()) {
            case EXCEPTION -> events.deliveryException(shipment, tracker.trackingNumber(), scan)
                    .chain(() -> exceptions.raise(DELIVERY_EXCEPTION, "customer-service", shipment.id().toString(),
                            "Carrier " + tracker.carrier() + " reported " + scan.meaning().detail() + " for shipment "
                                    + shipment.id() + " (" + scan.scan().rawCode() + ": " + scan.scan().rawMessage() + ")",
                            "{\"shipmentId\":\"" + shipment.id() + "\",\"trackingNumber\":\"" + tracker.trackingNumber()
                                    + "\",\"carrierCode\":\"" + scan.scan().rawCode() + "\"}"))
                    .replaceWithVoid();
            case DELIVERED -> events.delivered(shipment, tracker.trackingNumber(), scan, now).replaceWithVoid();
            default -> events.trackingUpdated(shipment, tracker.trackingNumber(), scan).replaceWithVoid();
        };
    }

    /** A shipment's trackers with their scans, oldest first. */
    public Uni<List<TrackerHistory>> history(UUID shipmentId) {
        return Panache.withSession(() -> trackers.ofShipment(shipmentId)
                .chain(found -> Multi.createFrom()
                        .iterable(found)
                        .onItem()
                        .transformToUniAndConcatenate(t -> trackers.history(t.id()).map(rows -> new TrackerHistory(t, rows)))
                        .collect()
                        .asList()));
    }

    /** One tracker and its history. */
    public record TrackerHistory(Tracker tracker, List<TrackingHistoryEntry> scans) {
    }
}
