package io.portage.contracts.yard;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Loading of an outbound trailer started at its dock ({@code io.portage.yard.loading-started.v1} on
 * {@code portage.yard}, subject = {@code appointmentId}).
 */
@RegisterForReflection
public record LoadingStarted(
        String appointmentId,
        String site,
        String dock,
        Instant startedAt) {
}
