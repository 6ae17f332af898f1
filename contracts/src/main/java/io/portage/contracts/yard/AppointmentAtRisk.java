package io.portage.contracts.yard;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The truck of an appointment will miss its slot: its latest estimated arrival (from telematics, a geofence or the
 * carrier) is later than the slot's start plus the site's grace period. Told once when the appointment becomes at risk,
 * before the slot, so the yard can move it or warn the dock ({@code io.portage.yard.appointment-at-risk.v1} on
 * {@code portage.yard}, subject = {@code appointmentId}).
 */
@RegisterForReflection
public record AppointmentAtRisk(
        String appointmentId,
        String site,
        String dock,
        String carrier,
        Instant slotStart,
        Instant slotEnd,
        Instant estimatedArrival,
        String source,
        int minutesLate,
        Instant reportedAt) {
}
