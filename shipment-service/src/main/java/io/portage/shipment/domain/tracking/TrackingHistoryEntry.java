package io.portage.shipment.domain.tracking;

import java.time.Instant;

/** One scan of a tracker's history as stored: raw code and message, canonical status, whether it moved the tracker. */
public record TrackingHistoryEntry(String rawCode, String rawMessage, Instant occurredAt, String city, String country,
        String status, boolean applied, String source, Instant receivedAt) {
}
