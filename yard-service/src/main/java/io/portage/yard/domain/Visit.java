package io.portage.yard.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A truck's visit to a site, built from its scans in any order and any number of times: every field is the earliest
 * or the latest scan of its kind (by time, then scan id), so applying the same scans shuffled or repeated ends in the
 * same visit. The arrival is the earliest gate-in (its appointment reference, carrier, driver, trailer and seal), the
 * departure the earliest gate-out; the yard spot, the door and a trailer swap are the latest of their kind; loading and
 * unloading start at the earliest start and end at the latest completion.
 */
public record Visit(String visitId, String site, Stamped<Arrival> arrival, Stamped<String> yardSpot,
        Stamped<String> door, Stamped<String> swappedTrailer, Instant workStarted, Instant workCompleted,
        Stamped<String> departure) {

    /** What the gate recorded at arrival. */
    public record Arrival(String appointmentRef, String carrier, String driver, String trailerNumber,
            String sealNumber) {
    }

    public static Visit empty(String visitId, String site) {
        return new Visit(visitId, site, null, null, null, null, null, null, null);
    }

    /** The visit with one more scan applied (a scan seen before changes nothing). */
    public Visit apply(YardScan scan) {
        if (!scan.visitId().equals(visitId)) {
            throw new IllegalArgumentException("scan " + scan.scanId() + " is of visit " + scan.visitId() + ", not " + visitId);
        }
        return switch (scan.movement()) {
            case GATE_IN -> new Visit(visitId, site, Stamped.earliest(arrival, stamp(scan, new Arrival(scan.appointmentRef(),
                    scan.carrier(), scan.driver(), scan.trailerNumber(), scan.sealNumber()))), yardSpot, door,
                    swappedTrailer, workStarted, workCompleted, departure);
            case YARD_SPOT -> new Visit(visitId, site, arrival, Stamped.latest(yardSpot, stamp(scan, scan.yardSpot())), door,
                    swappedTrailer, workStarted, workCompleted, departure);
            case DOOR_ASSIGNED -> new Visit(visitId, site, arrival, yardSpot, Stamped.latest(door, stamp(scan, scan.door())),
                    swappedTrailer, workStarted, workCompleted, departure);
            case UNLOADING_STARTED, LOADING_STARTED -> new Visit(visitId, site, arrival, yardSpot, door, swappedTrailer,
                    min(workStarted, scan.at()), workCompleted, departure);
            case UNLOADING_COMPLETED, LOADING_COMPLETED -> new Visit(visitId, site, arrival, yardSpot, door,
                    swappedTrailer, workStarted, max(workCompleted, scan.at()), departure);
            case TRAILER_SWAP -> new Visit(visitId, site, arrival, yardSpot, door,
                    Stamped.latest(swappedTrailer, stamp(scan, scan.swappedTrailerNumber())), workStarted, workCompleted,
                    departure);
            case GATE_OUT -> new Visit(visitId, site, arrival, yardSpot, door, swappedTrailer, workStarted, workCompleted,
                    Stamped.earliest(departure, stamp(scan, scan.sealNumber())));
        };
    }

    /**
     * The truck goes to {@code doorCode} as of {@code at}, by {@code source} (an operator, or the rule that a planned
     * truck goes to its appointment's door, as of its arrival): the latest door wins, as for scans.
     */
    public Visit assignDoor(String doorCode, Instant at, String source) {
        return new Visit(visitId, site, arrival, yardSpot, Stamped.latest(door, new Stamped<>(at, source, doorCode)),
                swappedTrailer, workStarted, workCompleted, departure);
    }

    public VisitStatus status() {
        if (departure != null) {
            return VisitStatus.DEPARTED;
        }
        if (workCompleted != null) {
            return VisitStatus.COMPLETED;
        }
        if (workStarted != null) {
            return VisitStatus.IN_PROGRESS;
        }
        if (door != null) {
            return VisitStatus.AT_DOOR;
        }
        if (yardSpot != null) {
            return VisitStatus.IN_YARD;
        }
        return arrival != null ? VisitStatus.ARRIVED : VisitStatus.SEEN;
    }

    /** The trailer on site now: the one swapped in, else the one that arrived. */
    public String trailerNumber() {
        return swappedTrailer != null ? swappedTrailer.value() : arrival == null ? null : arrival.value().trailerNumber();
    }

    public Instant arrivedAt() {
        return arrival == null ? null : arrival.at();
    }

    public Instant departedAt() {
        return departure == null ? null : departure.at();
    }

    /** Time on site so far ({@code now}) or until departure; null before the arrival is known. */
    public Duration dwell(Instant now) {
        return arrival == null ? null : Duration.between(arrival.at(), departure == null ? now : departure.at());
    }

    private static <T> Stamped<T> stamp(YardScan scan, T value) {
        return new Stamped<>(scan.at(), scan.scanId(), value);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
