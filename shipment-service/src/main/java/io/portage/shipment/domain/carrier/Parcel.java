package io.portage.shipment.domain.carrier;

import java.math.BigDecimal;

/** One parcel of a shipment: its weight and outer dimensions. */
public record Parcel(BigDecimal weightKg, int lengthCm, int widthCm, int heightCm) {
}
