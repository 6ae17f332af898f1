package io.portage.shipment.rest;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.portage.shipment.domain.carrier.Parcel;
import io.portage.shipment.domain.carrier.ServiceLevel;

/** The parcels of a shipment as packed, and the service level asked for (STANDARD when none), to rate or label. */
public record LabelRequest(
        @NotEmpty @Size(max = 50) List<@NotNull @Valid ParcelRequest> parcels,
        ServiceLevel serviceLevel) {

    /** One parcel: its weight in kilograms and its outer dimensions in centimetres. */
    public record ParcelRequest(
            @NotNull @DecimalMin(value = "0.001") @DecimalMax("2000") @Digits(integer = 4, fraction = 3) BigDecimal weightKg,
            @Min(1) @Max(400) int lengthCm,
            @Min(1) @Max(400) int widthCm,
            @Min(1) @Max(400) int heightCm) {
    }

    List<Parcel> toParcels() {
        return parcels.stream().map(p -> new Parcel(p.weightKg(), p.lengthCm(), p.widthCm(), p.heightCm())).toList();
    }

    ServiceLevel level() {
        return serviceLevel == null ? ServiceLevel.STANDARD : serviceLevel;
    }
}
