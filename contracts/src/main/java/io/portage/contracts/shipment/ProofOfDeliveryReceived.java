package io.portage.contracts.shipment;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The carrier's proof of delivery arrived: the shipment was delivered at {@code deliveredAt}
 * ({@code io.portage.shipment.proof-of-delivery-received.v1} on {@code portage.shipments}, subject =
 * {@code shipmentId}).
 */
@RegisterForReflection
public record ProofOfDeliveryReceived(
        String shipmentId,
        String trackingNumber,
        ProofType proofType,
        String signedBy,
        String documentUri,
        Instant deliveredAt,
        Instant receivedAt) {

    /** What the proof of delivery consists of. */
    @RegisterForReflection
    public enum ProofType {
        SIGNATURE, PHOTO, PIN, SAFE_PLACE
    }
}
