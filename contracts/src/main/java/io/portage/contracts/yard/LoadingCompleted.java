package io.portage.contracts.yard;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Loading of an outbound trailer finished; {@code handlingUnits} pallets or other units went onto it
 * ({@code io.portage.yard.loading-completed.v1} on {@code portage.yard}, subject = {@code appointmentId}).
 */
@RegisterForReflection
public record LoadingCompleted(
        String appointmentId,
        String site,
        String dock,
        int handlingUnits,
        String sealNumber,
        Instant completedAt) {
}
