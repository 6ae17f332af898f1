package io.portage.shipment.domain.carrier;

/** How fast a shipment is to travel, and the most days a carrier's service may promise for it. */
public enum ServiceLevel {

    EXPRESS(1), STANDARD(3), ECONOMY(Integer.MAX_VALUE);

    private final int maxDays;

    ServiceLevel(int maxDays) {
        this.maxDays = maxDays;
    }

    /** Whether a service promising {@code days} meets this level. */
    public boolean allows(int days) {
        return days <= maxDays;
    }
}
