package io.portage.shipment.domain.carrier;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * The carrier port: what shipment-service asks of any carrier, whatever its API's style. Each adapter keeps its own
 * timeout, retries, circuit breaker and rate limit, and fails with {@link CarrierException} carrying the carrier's own
 * code and message.
 */
public interface Carrier {

    /** The configured name of this carrier, e.g. {@code parcelco}. */
    String code();

    /** Whether the carrier pushes tracking to a webhook (otherwise it is polled). */
    boolean pushesTracking();

    /** The carrier's rates for the parcels of a shipment, each with its service, price and promised days. */
    Uni<List<Rate>> rates(RateRequest request);

    /** Buys the label of a rate this carrier quoted for {@code request}: one tracking number per parcel. */
    Uni<Label> buy(RateRequest request, Rate rate);

    /** Whether the carrier sells return labels ({@link RateRequest#returnLabel()}). */
    default boolean sellsReturnLabels() {
        return false;
    }

    /** Voids (refunds) a label bought before. */
    Uni<Void> voidLabel(Label label);

    /** The carrier's tracking scans for a tracking number, oldest first, as the carrier reports them. */
    Uni<List<TrackingScan>> track(String trackingNumber);
}
