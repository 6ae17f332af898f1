package io.portage.contracts.yard;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Unloading of an inbound trailer started at its dock ({@code io.portage.yard.unloading-started.v1} on
 * {@code portage.yard}, subject = {@code appointmentId}).
 */
@RegisterForReflection
public record UnloadingStarted(
        String appointmentId,
        String site,
        String dock,
        Instant startedAt) {
}
