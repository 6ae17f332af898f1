package io.portage.contracts.yard;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A checked-in trailer was assigned to a dock door ({@code io.portage.yard.dock-assigned.v1} on
 * {@code portage.yard}, subject = {@code appointmentId}).
 */
@RegisterForReflection
public record DockAssigned(
        String appointmentId,
        String site,
        String dock,
        Instant assignedAt) {
}
