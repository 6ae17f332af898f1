package io.portage.contracts.warehouse;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A scan at the gate, in the yard or at a door, one movement of a truck's visit to a site
 * ({@code io.portage.warehouse.yard-scan-recorded.v1} on {@code portage.warehouse}, subject = {@code visitId}). Scans
 * arrive late, twice and out of order; the visit they build does not depend on it. A gate-in without an appointment
 * reference is an unplanned visit.
 */
@RegisterForReflection
public record YardScanRecorded(
        String visitId,
        String site,
        Movement movement,
        String appointmentRef,
        String carrier,
        String driver,
        String trailerNumber,
        String sealNumber,
        String yardSpot,
        String door,
        String swappedTrailerNumber,
        Instant occurredAt) {

    /** What the scan records. */
    @RegisterForReflection
    public enum Movement {
        GATE_IN, YARD_SPOT, DOOR_ASSIGNED, UNLOADING_STARTED, UNLOADING_COMPLETED, LOADING_STARTED, LOADING_COMPLETED, TRAILER_SWAP, GATE_OUT
    }
}
