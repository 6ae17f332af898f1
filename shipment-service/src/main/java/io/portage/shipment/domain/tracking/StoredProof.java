package io.portage.shipment.domain.tracking;

import java.time.Instant;

/** A proof-of-delivery image a shipment has, described without its content: kind, tracking number, type, size, when. */
public record StoredProof(ProofDocument.Kind kind, String trackingNumber, String contentType, int size,
        Instant receivedAt) {
}
