package io.portage.shipment.domain.tracking;

import java.time.Instant;

import io.portage.shipment.domain.carrier.TrackingScan;

/** A carrier's scan with what it means: the raw code and message kept, the canonical status beside them. */
public record MappedScan(TrackingScan scan, CarrierCodes.Meaning meaning) {

    public TrackingStatus status() {
        return meaning.status();
    }

    public Instant occurredAt() {
        return scan.occurredAt();
    }

    /** The same scan delivered twice (a webhook and a poll, a redelivery) has the same key. */
    public String key() {
        return scan.rawCode() + "@" + scan.occurredAt();
    }
}
