package io.portage.contracts.yard;

import java.time.Instant;

import io.portage.contracts.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Detention was charged for a truck's time at its appointment beyond the carrier's free time, with the evidence: the
 * slot, the arrival, when the clock started (the slot's start when the truck was on time, its arrival when late) and
 * stopped (gate-out) and the carrier's terms (free time, hourly rate, rounding increment, maximum: the amount equals it
 * when it capped the charge) ({@code io.portage.yard.detention-charged.v2} on {@code portage.yard}, subject = {@code appointmentId}).
 * v2 of detention-charged: adds the visit and the evidence.
 */
@RegisterForReflection
public record DetentionChargedV2(
        String appointmentId,
        String site,
        String carrier,
        String visitId,
        int minutes,
        Money amount,
        Instant slotStart,
        Instant arrivedAt,
        ClockStart clockStart,
        Instant clockStartedAt,
        Instant clockStoppedAt,
        int freeMinutes,
        Money hourlyRate,
        int roundingMinutes,
        Money maximumCharge,
        Instant chargedAt) {

    /** Why the clock started when it did. */
    @RegisterForReflection
    public enum ClockStart {
        /** The truck arrived by its slot's start: the clock starts at the slot's start. */
        SLOT_START,
        /** The truck arrived after its slot's start: the clock starts at its arrival. */
        LATE_ARRIVAL
    }
}
