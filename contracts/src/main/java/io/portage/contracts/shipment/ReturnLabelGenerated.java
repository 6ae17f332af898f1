package io.portage.contracts.shipment;

import java.time.Instant;

import io.portage.contracts.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A return label, and with it the return's tracking number, was bought for a shipment's return at the carrier's price
 * ({@code io.portage.shipment.return-label-generated.v1} on {@code portage.shipments}, subject = {@code shipmentId}).
 */
@RegisterForReflection
public record ReturnLabelGenerated(
        String shipmentId,
        String returnId,
        String carrier,
        String service,
        String trackingNumber,
        LabelGenerated.LabelFormat labelFormat,
        Money cost,
        Instant generatedAt) {
}
