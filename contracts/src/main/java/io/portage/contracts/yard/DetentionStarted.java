package io.portage.contracts.yard;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A trailer stayed beyond the carrier's free time ({@code freeMinutes}); detention accrues from {@code startedAt}
 * ({@code io.portage.yard.detention-started.v1} on {@code portage.yard}, subject = {@code appointmentId}).
 */
@RegisterForReflection
public record DetentionStarted(
        String appointmentId,
        String site,
        String carrier,
        int freeMinutes,
        Instant startedAt) {
}
