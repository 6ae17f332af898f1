package io.portage.shipment.domain.carrier;

import java.time.Instant;
import java.util.List;

import io.portage.shipment.domain.tracking.ProofDocument;

/**
 * One tracking scan as the carrier reported it: its own code and message, when and where, who signed (when it says),
 * and the proof-of-delivery images the carrier sent with it (none for most scans).
 */
public record TrackingScan(String rawCode, String rawMessage, Instant occurredAt, String city, String country,
        String signedBy, List<ProofDocument> proof) {

    public TrackingScan {
        proof = proof == null ? List.of() : List.copyOf(proof);
    }

    /** A scan without images. */
    public TrackingScan(String rawCode, String rawMessage, Instant occurredAt, String city, String country,
            String signedBy) {
        this(rawCode, rawMessage, occurredAt, city, country, signedBy, List.of());
    }
}
