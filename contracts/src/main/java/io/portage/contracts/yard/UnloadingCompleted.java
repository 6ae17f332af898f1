package io.portage.contracts.yard;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Unloading of an inbound trailer finished; {@code handlingUnits} pallets or other units came off it
 * ({@code io.portage.yard.unloading-completed.v1} on {@code portage.yard}, subject = {@code appointmentId}).
 */
@RegisterForReflection
public record UnloadingCompleted(
        String appointmentId,
        String site,
        String dock,
        int handlingUnits,
        Instant completedAt) {
}
