package io.portage.contracts.yard;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A dock appointment was cancelled before the truck arrived, by its carrier or an operator; its door is free again
 * ({@code io.portage.yard.appointment-cancelled.v1} on {@code portage.yard}, subject = {@code appointmentId}).
 */
@RegisterForReflection
public record AppointmentCancelled(
        String appointmentId,
        String site,
        String dock,
        Instant slotStart,
        Instant slotEnd,
        String cancelledBy,
        String reason,
        Instant cancelledAt) {
}
