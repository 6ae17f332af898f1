package io.portage.contracts.shipment;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A carrier label, and with it the tracking number, was generated for a shipment
 * ({@code io.portage.shipment.label-generated.v1} on {@code portage.shipments}, subject = {@code shipmentId}).
 */
@RegisterForReflection
public record LabelGenerated(
        String shipmentId,
        String carrier,
        String trackingNumber,
        LabelFormat labelFormat,
        int parcels,
        Instant generatedAt) {

    /** The label's file format. */
    @RegisterForReflection
    public enum LabelFormat {
        PDF, ZPL, PNG
    }
}
