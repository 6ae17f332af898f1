package io.portage.shipment.domain.carrier;

import java.math.BigDecimal;
import java.util.List;

/**
 * A label a carrier sold: the master tracking number, one per parcel, what it cost, the carrier's reference to void it
 * by, and where the label document is.
 */
public record Label(String carrier, String service, String trackingNumber, List<String> parcelTrackingNumbers,
        BigDecimal amount, String currency, String carrierRef, String labelUrl, String format) {

    public Label {
        parcelTrackingNumbers = List.copyOf(parcelTrackingNumbers);
    }
}
