package io.portage.contracts.yard;

import java.time.Instant;

import io.portage.contracts.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Detention was charged for {@code minutes} of a trailer's time on site beyond its free time
 * ({@code io.portage.yard.detention-charged.v1} on {@code portage.yard}, subject = {@code appointmentId}).
 */
@RegisterForReflection
public record DetentionCharged(
        String appointmentId,
        String site,
        String carrier,
        int minutes,
        Money amount,
        Instant chargedAt) {
}
