package io.portage.shipment.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import io.portage.shipment.domain.tracking.ProofDocument;
import io.portage.shipment.domain.tracking.StoredProof;
import io.portage.shipment.domain.tracking.Tracker;
import io.portage.shipment.domain.tracking.TrackingHistoryEntry;
import io.portage.shipment.domain.tracking.TrackingStatus;
import io.portage.shipment.repository.ProofDocumentRepository;
import io.portage.shipment.repository.ShipmentRepository;
import io.portage.shipment.repository.TrackerRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Applies carriers' tracking scans, from webhooks and polls alike, to the tracker their carrier, number and ship-date
 * window name: every scan kept once with its raw code and message, late ones in the history only, the status never
 * moving back; each scan that moves it is published (tracking updated, delivery exception, proof of delivery), and a
 * delivery exception opens an exception-queue item for customer service. Proof-of-delivery images are kept whenever a
 * scan brings them, also on a delivery seen before (carriers send the image after the scan).
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
    private final ProofDocumentRepository documents;
    private final CarrierCodes codes = CarrierCodes.load();
    private final Clock clock = Clock.systemUTC();

    public TrackingService(TrackerRepository trackers, ShipmentRepository shipments, CarrierRegistry carriers,
            ShipmentEvents events, ExceptionQueue exceptions, ProofDocumentRepository documents) {
        this.trackers = trackers;
        this.shipments = shipments;
        this.carriers = carriers;
        this.events = events;
        this.exceptions = exceptions;
        this.documents = documents;
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

    /** A carrier's tracking number. */
    public record TrackingNumber(String carrier, String number) {
    }

    /** Records a carrier's scans of one tracking number, in a transaction of its own (or the caller's). */
    @WithSpan("TrackingService.record")
    public Uni<Recorded> record(@SpanAttribute("portage.carrier") String carrier, String trackingNumber,
            List<TrackingScan> scans, Source source) {
        return Panache.withTransaction(() -> recordAll(Map.of(new TrackingNumber(carrier, trackingNumber), scans), source));
    }

    /**
     * Records the scans of many tracking numbers in the caller's transaction, a few statements whatever their number:
     * the trackers read at once, the new scans stored at once (those that move a tracker marked applied), their
     * shipments read at once; then each moving scan published.
     */
    @WithSpan("TrackingService.recordAll")
    public Uni<Recorded> recordAll(Map<TrackingNumber, List<TrackingScan>> scans, Source source) {
        if (scans.isEmpty()) {
            return Uni.createFrom().item(Recorded.NONE);
        }
        Set<String> carrierNames = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        scans.keySet().forEach(key -> {
            carrierNames.add(key.carrier());
            numbers.add(key.number());
        });
        return trackers.byNumbers(carrierNames, numbers).chain(found -> {
            Map<TrackingNumber, List<Tracker>> candidates = new HashMap<>();
            found.forEach(t -> candidates.computeIfAbsent(new TrackingNumber(t.carrier(), t.trackingNumber()),
                    key -> new ArrayList<>()).add(t));
            Map<UUID, Tracker> byId = new LinkedHashMap<>();
            Map<UUID, List<MappedScan>> byTracker = new LinkedHashMap<>();
            List<ProofDocumentRepository.Kept> proof = new ArrayList<>();
            int unmatched = 0;
            for (Map.Entry<TrackingNumber, List<TrackingScan>> entry : scans.entrySet()) {
                List<Tracker> sameNumber = candidates.getOrDefault(entry.getKey(), List.of());
                for (TrackingScan scan : entry.getValue()) {
                    Tracker tracker = Tracker.pick(sameNumber, scan.occurredAt());
                    if (tracker == null) {
                        unmatched++;
                    } else {
                        scan.proof()
                                .forEach(document -> proof.add(
                                        new ProofDocumentRepository.Kept(tracker.shipmentId(), tracker.trackingNumber(),
                                                document)));
                        byId.put(tracker.id(), tracker);
                        byTracker.computeIfAbsent(tracker.id(), id -> new ArrayList<>())
                                .add(new MappedScan(scan, codes.meaning(style(tracker.carrier(), source), scan.rawCode())));
                    }
                }
            }
            int none = unmatched;
            if (byTracker.isEmpty()) {
                return Uni.createFrom().item(new Recorded(0, 0, 0, none));
            }
            // Each tracker's scans without the batch's own repeats, and the ones among them that move it: stored marked
            // applied. A scan stored before (a redelivery, a poll after a webhook) may be among them, but the tracker
            // already holds what it did, so it changes nothing of what the new ones do (TrackerTest holds this).
            Map<UUID, List<MappedScan>> distinct = new LinkedHashMap<>();
            Set<String> moving = new HashSet<>();
            byTracker.forEach((id, all) -> {
                Set<String> taken = new HashSet<>();
                List<MappedScan> once = all.stream().filter(scan -> taken.add(scan.key())).toList();
                distinct.put(id, once);
                byId.get(id).trial(once).moved().forEach(scan -> moving.add(id + "|" + scan.key()));
            });
            int total = byTracker.values().stream().mapToInt(List::size).sum();
            Instant now = clock.instant();
            return trackers.storeNew(distinct, moving, source.name(), now)
                    .chain(first -> apply(byId, distinct, first, total, none, now))
                    .call(() -> documents.keep(proof, now));
        });
    }

    private String style(String carrier, Source source) {
        return source == Source.EDI ? CarrierCodes.EDI_214 : carriers.settings(carrier).style().name();
    }

    /**
     * Applies the first sightings to their trackers and writes what changed in a few statements: the trackers (each
     * only if unchanged since read), their shipments' event sequences, their facts; then a customer-service item per
     * delivery exception.
     */
    private Uni<Recorded> apply(Map<UUID, Tracker> byId, Map<UUID, List<MappedScan>> distinct, Set<String> first,
            int total, int unmatched, Instant now) {
        int freshCount = 0;
        Map<UUID, List<MappedScan>> applied = new LinkedHashMap<>();
        List<Tracker> changed = new ArrayList<>();
        for (Map.Entry<UUID, List<MappedScan>> entry : distinct.entrySet()) {
            UUID id = entry.getKey();
            List<MappedScan> fresh = entry.getValue()
                    .stream()
                    .filter(scan -> first.contains(id + "|" + scan.key()))
                    .toList();
            freshCount += fresh.size();
            Tracker tracker = byId.get(id);
            TrackingStatus status = tracker.status();
            Instant lastEventAt = tracker.lastEventAt();
            List<MappedScan> moved = tracker.apply(fresh);
            if (!moved.isEmpty()) {
                applied.put(id, moved);
            }
            if (tracker.status() != status || !Objects.equals(lastEventAt, tracker.lastEventAt())) {
                changed.add(tracker);
            }
        }
        int appliedCount = applied.values().stream().mapToInt(List::size).sum();
        Recorded recorded = new Recorded(appliedCount, freshCount - appliedCount, total - freshCount, unmatched);
        if (applied.isEmpty()) {
            return trackers.saveRecorded(changed).replaceWith(recorded);
        }
        List<UUID> shipmentIds = applied.keySet().stream().map(id -> byId.get(id).shipmentId()).distinct().toList();
        return trackers.saveRecorded(changed)
                .chain(() -> shipments.readOnly(shipmentIds))
                .chain(found -> {
                    Map<UUID, Shipment> shipmentsById = new HashMap<>();
                    found.forEach(shipment -> shipmentsById.put(shipment.id(), shipment));
                    Map<Shipment, Long> lastSequences = new LinkedHashMap<>();
                    List<ShipmentEvents.Tracked> facts = new ArrayList<>();
                    applied.forEach((trackerId, moved) -> {
                        Tracker tracker = byId.get(trackerId);
                        Shipment shipment = shipmentsById.get(tracker.shipmentId());
                        for (MappedScan scan : moved) {
                            long sequence = lastSequences.merge(shipment, shipment.eventSequence() + 1,
                                    (last, ignored) -> last + 1);
                            facts.add(new ShipmentEvents.Tracked(shipment, tracker.carrier(), tracker.trackingNumber(), scan,
                                    sequence, now));
                        }
                    });
                    return shipments.advanceSequences(lastSequences)
                            .chain(() -> events.tracked(facts))
                            .chain(() -> raiseExceptions(facts));
                })
                .replaceWith(recorded);
    }

    /** A customer-service item per delivery exception among the facts, one after the other. */
    private Uni<Void> raiseExceptions(List<ShipmentEvents.Tracked> facts) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ShipmentEvents.Tracked fact : facts) {
            if (fact.scan().status() != TrackingStatus.EXCEPTION) {
                continue;
            }
            Shipment shipment = fact.shipment();
            MappedScan scan = fact.scan();
            String carrier = fact.carrier();
            chain = chain.chain(() -> exceptions.raise(DELIVERY_EXCEPTION, "customer-service", shipment.id().toString(),
                    "Carrier " + carrier + " reported " + scan.meaning().detail() + " for shipment " + shipment.id()
                            + " (" + scan.scan().rawCode() + ": " + scan.scan().rawMessage() + ")",
                    "{\"shipmentId\":\"" + shipment.id() + "\",\"trackingNumber\":\"" + fact.trackingNumber()
                            + "\",\"carrierCode\":\"" + scan.scan().rawCode() + "\"}")
                    .replaceWithVoid());
        }
        return chain;
    }

    /** A shipment's proof-of-delivery image of a kind, if its carrier sent one. */
    public Uni<Optional<ProofDocument>> proof(UUID shipmentId, ProofDocument.Kind kind) {
        return Panache.withSession(() -> documents.find(shipmentId, kind));
    }

    /** The proof-of-delivery images a shipment has, without their content. */
    public Uni<List<StoredProof>> proofs(UUID shipmentId) {
        return Panache.withSession(() -> documents.describe(shipmentId));
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
