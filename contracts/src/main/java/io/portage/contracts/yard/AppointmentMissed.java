package io.portage.contracts.yard;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The carrier did not arrive by the end of its slot's grace period; a late arrival may still check in
 * ({@code io.portage.yard.appointment-missed.v1} on {@code portage.yard}, subject = {@code appointmentId}).
 */
@RegisterForReflection
public record AppointmentMissed(
        String appointmentId,
        String site,
        String dock,
        Instant slotStart,
        Instant slotEnd,
        Instant markedMissedAt) {
}
