package io.portage.yard.domain;

import java.time.Instant;

/**
 * One gate, yard or dock scan of a truck's visit, as yard-service applies it: the scan's event id (a repeated delivery
 * has the same one), the visit and site, what moved and when, and the details the scan carries (null when it has none).
 */
public record YardScan(String scanId, String visitId, String site, Movement movement, Instant at, String appointmentRef,
        String carrier, String driver, String trailerNumber, String sealNumber, String yardSpot, String door,
        String swappedTrailerNumber) {

    /** What a scan records. */
    public enum Movement {
        GATE_IN, YARD_SPOT, DOOR_ASSIGNED, UNLOADING_STARTED, UNLOADING_COMPLETED, LOADING_STARTED, LOADING_COMPLETED, TRAILER_SWAP, GATE_OUT
    }
}
