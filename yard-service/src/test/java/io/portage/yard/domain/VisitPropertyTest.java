package io.portage.yard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.portage.yard.domain.YardScan.Movement;

/** A visit's scans, shuffled and repeated with many seeds, always build the same visit. */
class VisitPropertyTest {

    static final Instant T0 = Instant.parse("2030-11-29T08:00:00Z");

    static YardScan scan(String id, Movement movement, int minute, String value) {
        return new YardScan(id, "V-1", "WH1", movement, T0.plus(Duration.ofMinutes(minute)),
                movement == Movement.GATE_IN ? "REF-" + value : null, "Swift", "Driver " + value, "T-" + value,
                "SEAL-" + value, value, "D" + value, "S-" + value);
    }

    /** A visit's stream as scanners send it: repeated gate-ins with other ids, two spots, two doors, ties in time. */
    static List<YardScan> randomVisit(Random random) {
        List<YardScan> scans = new ArrayList<>();
        int n = 0;
        for (Movement movement : Movement.values()) {
            int copies = 1 + random.nextInt(3);
            for (int i = 0; i < copies; i++) {
                // Few distinct minutes, so equal times (broken by scan id) happen often.
                scans.add(scan("e-" + n++, movement, random.nextInt(6), Integer.toString(random.nextInt(50))));
            }
        }
        return scans;
    }

    static Visit fold(List<YardScan> scans) {
        Visit visit = Visit.empty("V-1", "WH1");
        for (YardScan scan : scans) {
            visit = visit.apply(scan);
        }
        return visit;
    }

    @Test
    void everyPermutationAndDuplicationOfAVisitsScansEndsInTheSameVisit() {
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            List<YardScan> scans = randomVisit(random);
            Visit expected = fold(scans);
            for (int round = 0; round < 20; round++) {
                List<YardScan> delivered = new ArrayList<>(scans);
                int repeats = random.nextInt(scans.size() + 1);
                for (int i = 0; i < repeats; i++) {
                    delivered.add(scans.get(random.nextInt(scans.size())));
                }
                Collections.shuffle(delivered, random);
                assertThat(fold(delivered)).as("seed %d round %d", seed, round).isEqualTo(expected);
            }
            // A visit stored half-way (the service keeps it between batches) ends the same once the rest arrives.
            List<YardScan> shuffled = new ArrayList<>(scans);
            Collections.shuffle(shuffled, random);
            Visit partial = fold(shuffled.subList(0, scans.size() / 2));
            Visit resumed = partial;
            for (YardScan scan : shuffled.subList(scans.size() / 2, scans.size())) {
                resumed = resumed.apply(scan);
            }
            assertThat(resumed).as("seed %d resumed", seed).isEqualTo(expected);
        }
    }

    @Test
    void theVisitTakesTheEarliestArrivalAndDepartureAndTheLatestSpotAndDoor() {
        Visit visit = fold(List.of(scan("b", Movement.GATE_IN, 5, "2"), scan("a", Movement.GATE_IN, 5, "1"),
                scan("c", Movement.YARD_SPOT, 7, "Y1"), scan("d", Movement.YARD_SPOT, 9, "Y2"),
                scan("e", Movement.DOOR_ASSIGNED, 12, "04"), scan("f", Movement.UNLOADING_STARTED, 20, ""),
                scan("g", Movement.UNLOADING_COMPLETED, 50, ""), scan("h", Movement.UNLOADING_COMPLETED, 52, ""),
                scan("i", Movement.GATE_OUT, 70, "9"), scan("j", Movement.GATE_OUT, 71, "8")));
        assertThat(visit.arrival().value().appointmentRef()).isEqualTo("REF-1");
        assertThat(visit.arrivedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(visit.yardSpot().value()).isEqualTo("Y2");
        assertThat(visit.door().value()).isEqualTo("D04");
        assertThat(visit.workStarted()).isEqualTo(T0.plusSeconds(1200));
        assertThat(visit.workCompleted()).isEqualTo(T0.plusSeconds(3120));
        assertThat(visit.departedAt()).isEqualTo(T0.plusSeconds(4200));
        assertThat(visit.status()).isEqualTo(VisitStatus.DEPARTED);
        assertThat(visit.dwell(T0)).isEqualTo(Duration.ofMinutes(65));
    }

    @Test
    void lateScansLeaveTheVisitSeenUntilTheGateInArrivesAndAnOperatorsDoorIsTheLatest() {
        Visit early = fold(List.of(scan("x", Movement.DOOR_ASSIGNED, 12, "04")));
        assertThat(early.status()).isEqualTo(VisitStatus.AT_DOOR);
        assertThat(Visit.empty("V-1", "WH1").apply(scan("y", Movement.UNLOADING_COMPLETED, 3, "")).arrivedAt()).isNull();
        Visit moved = early.assignDoor("D07", T0.plusSeconds(3600), "ops-1");
        assertThat(moved.door().value()).isEqualTo("D07");
        // A door scan older than the operator's choice does not undo it.
        assertThat(moved.apply(scan("z", Movement.DOOR_ASSIGNED, 30, "05")).door().value()).isEqualTo("D07");
    }
}
