package io.portage.contracts.yard;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A dock appointment was booked ({@code io.portage.yard.appointment-booked.v1} on {@code portage.yard}, subject =
 * appointment id): a carrier will bring or collect goods at a dock in a time slot.
 */
@RegisterForReflection
public record AppointmentBooked(
        String appointmentId,
        String site,
        String dock,
        String direction,
        String carrier,
        String reference,
        String partnerId,
        Instant slotStart,
        Instant slotEnd,
        Instant bookedAt) {
}
