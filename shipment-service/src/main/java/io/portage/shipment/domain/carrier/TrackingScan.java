package io.portage.shipment.domain.carrier;

import java.time.Instant;

/** One tracking scan as the carrier reported it: its own code and message, when and where, who signed (when it says). */
public record TrackingScan(String rawCode, String rawMessage, Instant occurredAt, String city, String country,
        String signedBy) {
}
