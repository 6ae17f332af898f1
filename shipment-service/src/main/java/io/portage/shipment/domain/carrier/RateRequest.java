package io.portage.shipment.domain.carrier;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What a carrier needs to quote and label a shipment: where from and to, the parcels and the service level asked for. */
public record RateRequest(UUID shipmentId, String origin, Destination destination, List<Parcel> parcels,
        ServiceLevel serviceLevel, boolean returnLabel) {

    public RateRequest {
        parcels = List.copyOf(parcels);
    }

    /** An outbound label's request. */
    public RateRequest(UUID shipmentId, String origin, Destination destination, List<Parcel> parcels,
            ServiceLevel serviceLevel) {
        this(shipmentId, origin, destination, parcels, serviceLevel, false);
    }

    /** The same parcels and addresses, for a return label (the carrier swaps sender and recipient). */
    public RateRequest asReturn() {
        return new RateRequest(shipmentId, origin, destination, parcels, serviceLevel, true);
    }

    /** The address on the label. */
    public record Destination(String name, String street, String city, String postalCode, String country) {
    }

    /** The sum of the parcels' weights. */
    public BigDecimal totalWeightKg() {
        return parcels.stream().map(Parcel::weightKg).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The heaviest parcel's weight. */
    public BigDecimal heaviestParcelKg() {
        return parcels.stream().map(Parcel::weightKg).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }
}
