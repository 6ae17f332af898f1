package io.portage.shipment.domain.tracking;

/**
 * Portage's one tracking status, whatever the carrier: ranked, and a tracker only moves up (an exception holds until
 * delivery or return; a scan of a lower rank is late and only goes into the history). UNKNOWN changes nothing.
 */
public enum TrackingStatus {

    UNKNOWN(0), PRE_TRANSIT(10), IN_TRANSIT(20), OUT_FOR_DELIVERY(30), EXCEPTION(40), DELIVERED(50), RETURNED(60);

    private final int rank;

    TrackingStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** Whether nothing more is expected of the carrier. */
    public boolean terminal() {
        return this == DELIVERED || this == RETURNED;
    }
}
