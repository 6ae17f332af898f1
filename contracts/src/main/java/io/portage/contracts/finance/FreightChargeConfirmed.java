package io.portage.contracts.finance;

import java.time.Instant;

import io.portage.contracts.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * finance-service confirmed the freight charge of a shipment, priced with the carrier's rate card
 * ({@code io.portage.finance.freight-charge-confirmed.v1} on {@code portage.finance}, subject = {@code chargeId}).
 */
@RegisterForReflection
public record FreightChargeConfirmed(
        String chargeId,
        String shipmentId,
        String partnerId,
        String carrier,
        Money amount,
        Instant confirmedAt) {
}
