package io.portage.shipment.domain.tms;

import java.time.Instant;
import java.util.UUID;

/** The TMS's plan of a load, as of one revision: the carrier assigned and the pickup window at the origin. */
public record LoadPlan(String loadId, UUID shipmentId, long revision, String carrier, Instant pickupStart,
        Instant pickupEnd) {

    public LoadPlan {
        if (revision < 1 || carrier == null || carrier.isBlank() || pickupStart == null || pickupEnd == null
                || !pickupEnd.isAfter(pickupStart)) {
            throw new IllegalArgumentException("a plan needs a revision from 1, a carrier and a pickup window that ends"
                    + " after it starts");
        }
    }
}
