package io.portage.contracts.shipment;

import java.time.Instant;

import io.portage.contracts.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A carrier label, and with it the tracking number, was bought for a shipment at the carrier's price
 * ({@code io.portage.shipment.label-generated.v2} on {@code portage.shipments}, subject = {@code shipmentId}).
 */
@RegisterForReflection
public record LabelGeneratedV2(
        String shipmentId,
        String carrier,
        String service,
        String trackingNumber,
        LabelGenerated.LabelFormat labelFormat,
        int parcels,
        Money cost,
        Instant generatedAt) {
}
