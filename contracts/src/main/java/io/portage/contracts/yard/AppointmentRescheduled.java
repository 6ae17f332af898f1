package io.portage.contracts.yard;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A booked dock appointment moved to another slot, possibly at another dock
 * ({@code io.portage.yard.appointment-rescheduled.v1} on {@code portage.yard}, subject = {@code appointmentId}).
 */
@RegisterForReflection
public record AppointmentRescheduled(
        String appointmentId,
        String site,
        String dock,
        Instant previousSlotStart,
        Instant previousSlotEnd,
        Instant slotStart,
        Instant slotEnd,
        String reason,
        Instant rescheduledAt) {
}
