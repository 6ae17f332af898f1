package io.portage.contracts.finance;

import java.time.Instant;

import io.portage.contracts.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A freight cost was accrued in an accounting {@code period} (YYYY-MM) before the carrier's invoice arrived
 * ({@code io.portage.finance.freight-accrued.v1} on {@code portage.finance}, subject = {@code chargeId}).
 */
@RegisterForReflection
public record FreightAccrued(
        String chargeId,
        String shipmentId,
        String carrier,
        Money amount,
        String period,
        Instant accruedAt) {
}
