package io.portage.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.portage.shipment.domain.carrier.TrackingScan;
import io.portage.shipment.domain.tracking.CarrierCodes;
import io.portage.shipment.domain.tracking.MappedScan;
import io.portage.shipment.domain.tracking.Tracker;
import io.portage.shipment.domain.tracking.TrackingStatus;

/** The tracker's rules without Quarkus: codes as data, the ship-date window, and a status that never moves back. */
class TrackerTest {

    private static final CarrierCodes CODES = CarrierCodes.load();
    private static final Instant SHIPPED = Instant.parse("2026-11-24T08:00:00Z");

    static MappedScan scan(String style, String code, String at) {
        return new MappedScan(new TrackingScan(code, code + " scan", Instant.parse(at), "Utrecht", "NL", null),
                CODES.meaning(style, code));
    }

    static Tracker tracker(LocalDate shipDate) {
        return Tracker.start(UUID.randomUUID(), "parcelco", "PC1Z42", shipDate, SHIPPED);
    }

    /** A parcel's whole journey, in order: it ends delivered. */
    static List<MappedScan> journey() {
        return List.of(scan("PARCEL_API", "pre_transit", "2026-11-24T08:00:00Z"),
                scan("PARCEL_API", "in_transit", "2026-11-24T18:00:00Z"),
                scan("PARCEL_API", "in_transit", "2026-11-25T02:00:00Z"),
                scan("PARCEL_API", "unknown_code", "2026-11-25T03:00:00Z"),
                scan("PARCEL_API", "out_for_delivery", "2026-11-25T07:30:00Z"),
                scan("PARCEL_API", "failure", "2026-11-25T11:00:00Z"),
                scan("PARCEL_API", "out_for_delivery", "2026-11-26T07:30:00Z"),
                scan("PARCEL_API", "delivered", "2026-11-26T10:02:00Z"));
    }

    @Test
    void rawCodesAreMappedAsDataAndUnknownOnesChangeNothing() {
        assertThat(CODES.meaning("PARCEL_API", "out_for_delivery").status()).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(CODES.meaning("FREIGHT", "A9").status()).isEqualTo(TrackingStatus.EXCEPTION);
        assertThat(CODES.meaning("FREIGHT", "A9").detail()).isEqualTo("DAMAGED");
        assertThat(CODES.meaning("FREIGHT", "D1").status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(CODES.meaning("FREIGHT", "ZZ").status()).isEqualTo(TrackingStatus.UNKNOWN);
        assertThat(CODES.meaning("PARCEL_API", "A9").status()).as("codes are per style").isEqualTo(TrackingStatus.UNKNOWN);
    }

    @Test
    void aLateScanGoesIntoTheHistoryAndNeverMovesTheStatusBack() {
        Tracker tracker = tracker(LocalDate.of(2026, 11, 24));
        tracker.apply(List.of(scan("PARCEL_API", "delivered", "2026-11-26T10:02:00Z")));

        List<MappedScan> applied = tracker.apply(List.of(scan("PARCEL_API", "in_transit", "2026-11-25T02:00:00Z"),
                scan("PARCEL_API", "failure", "2026-11-25T11:00:00Z")));

        assertThat(applied).isEmpty();
        assertThat(tracker.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(tracker.lastEventAt()).isEqualTo(Instant.parse("2026-11-26T10:02:00Z"));
    }

    @Test
    void anExceptionHoldsUntilDelivery() {
        Tracker tracker = tracker(LocalDate.of(2026, 11, 24));
        tracker.apply(journey().subList(0, 6));
        assertThat(tracker.status()).isEqualTo(TrackingStatus.EXCEPTION);
        assertThat(tracker.apply(List.of(journey().get(6)))).as("out for delivery again: history only").isEmpty();
        assertThat(tracker.apply(List.of(journey().get(7)))).hasSize(1);
        assertThat(tracker.status()).isEqualTo(TrackingStatus.DELIVERED);
    }

    /**
     * Property: the journey shuffled, with duplicates, cut into random batches (duplicates dropped by their key, as
     * the store does) ends in the state of the ordered journey, the status never falls after any batch, and the
     * history holds each scan once.
     */
    @Test
    void aShuffledAndDuplicatedStreamEndsInTheRightState() {
        Tracker ordered = tracker(LocalDate.of(2026, 11, 24));
        ordered.apply(journey());
        for (int seed = 0; seed < 500; seed++) {
            Random random = new Random(seed);
            List<MappedScan> stream = new ArrayList<>(journey());
            int duplicates = random.nextInt(8);
            for (int d = 0; d < duplicates; d++) {
                stream.add(journey().get(random.nextInt(journey().size())));
            }
            java.util.Collections.shuffle(stream, random);

            Tracker tracker = tracker(LocalDate.of(2026, 11, 24));
            Set<String> stored = new HashSet<>();
            int i = 0;
            while (i < stream.size()) {
                int end = Math.min(stream.size(), i + 1 + random.nextInt(4));
                List<MappedScan> fresh = new ArrayList<>();
                for (MappedScan scan : stream.subList(i, end)) {
                    if (stored.add(scan.key())) {
                        fresh.add(scan);
                    }
                }
                int before = tracker.status().rank();
                tracker.apply(fresh);
                assertThat(tracker.status().rank()).as("seed %d: never backwards", seed).isGreaterThanOrEqualTo(before);
                i = end;
            }
            assertThat(tracker.status()).as("seed %d", seed).isEqualTo(ordered.status()).isEqualTo(TrackingStatus.DELIVERED);
            assertThat(tracker.lastEventAt()).as("seed %d", seed).isEqualTo(ordered.lastEventAt());
            assertThat(stored).as("seed %d: each scan once", seed).hasSize(journey().size());
        }
    }

    @Test
    void aNumberReusedAYearLaterBelongsToTheTrackerWhoseShipDateWindowHoldsTheScan() {
        Tracker lastYear = tracker(LocalDate.of(2025, 11, 20));
        Tracker thisYear = tracker(LocalDate.of(2026, 11, 24));
        List<Tracker> sameNumber = List.of(lastYear, thisYear);

        assertThat(Tracker.pick(sameNumber, Instant.parse("2026-11-25T10:00:00Z"))).isSameAs(thisYear);
        assertThat(Tracker.pick(sameNumber, Instant.parse("2025-11-21T10:00:00Z"))).isSameAs(lastYear);
        assertThat(Tracker.pick(sameNumber, Instant.parse("2026-06-01T10:00:00Z"))).as("between the windows").isNull();
        assertThat(Tracker.pick(sameNumber, Instant.parse("2026-11-23T10:00:00Z"))).as("a day before shipping")
                .isSameAs(thisYear);
    }

    /**
     * Property the recording relies on to store scans already marked applied: a batch's scans stored before (a
     * redelivery, a poll after a webhook) change nothing of which new scans move the tracker, since it already holds
     * what they did. A trial over the whole batch, duplicates and all, moves the same new scans as applying the new ones.
     */
    @Test
    void scansStoredBeforeChangeNothingOfWhatTheNewOnesMove() {
        for (int seed = 0; seed < 500; seed++) {
            Random random = new Random(seed);
            List<MappedScan> stream = new ArrayList<>(journey());
            java.util.Collections.shuffle(stream, random);
            Tracker tracker = tracker(LocalDate.of(2026, 11, 24));
            Set<String> stored = new HashSet<>();
            List<MappedScan> storedScans = new ArrayList<>();
            int i = 0;
            while (i < stream.size()) {
                int end = Math.min(stream.size(), i + 1 + random.nextInt(4));
                List<MappedScan> batch = new ArrayList<>(stream.subList(i, end));
                for (int d = random.nextInt(3); d > 0 && !storedScans.isEmpty(); d--) {
                    batch.add(storedScans.get(random.nextInt(storedScans.size())));
                }
                java.util.Collections.shuffle(batch, random);
                List<MappedScan> fresh = batch.stream().filter(scan -> !stored.contains(scan.key())).toList();

                Set<String> trialMoved = new HashSet<>();
                tracker.trial(batch).moved().forEach(scan -> trialMoved.add(scan.key()));
                TrackingStatus before = tracker.status();
                Set<String> moved = new HashSet<>();
                tracker.apply(fresh).forEach(scan -> moved.add(scan.key()));

                for (MappedScan scan : fresh) {
                    assertThat(trialMoved.contains(scan.key())).as("seed %d: %s after %s", seed, scan.key(), before)
                            .isEqualTo(moved.contains(scan.key()));
                }
                fresh.forEach(scan -> {
                    stored.add(scan.key());
                    storedScans.add(scan);
                });
                i = end;
            }
            assertThat(tracker.status()).as("seed %d", seed).isEqualTo(TrackingStatus.DELIVERED);
        }
    }
}
