package io.portage.contracts.shipment;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A carrier that only does EDI reported a shipment status (its X12 214, read by edi-gateway): the X12 status and reason
 * codes as sent, when and where; shipment-service finds the shipment by carrier and tracking number
 * ({@code io.portage.shipment.carrier-status-reported.v1} on {@code portage.shipments}, subject = {@code trackingNumber}).
 */
@RegisterForReflection
public record CarrierStatusReported(
        String trackingNumber,
        String carrier,
        String scac,
        String reference,
        String statusCode,
        String reasonCode,
        Instant statusAt,
        String city,
        String state,
        String country) {
}
