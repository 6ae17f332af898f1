package io.portage.finance.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/v1/carrier-terms/{carrier}}: the carrier's vendor in Odoo, its tolerance overrides (absent:
 * the configured default), its fuel surcharges and the accessorials it may charge, replacing what was set.
 */
public record CarrierTermsRequest(
        @Min(1) Long odooPartnerId,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal amountTolerance,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3) BigDecimal percentTolerance,
        @Size(max = 500) List<@NotNull @Valid Fuel> fuelSurcharges,
        @Size(max = 100) List<@NotNull @Valid Accessorial> accessorials) {

    /** A fuel surcharge from a day on. */
    public record Fuel(@NotNull LocalDate validFrom,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3) BigDecimal percent) {
    }

    /** An accessorial the carrier may charge, at its agreed price. */
    public record Accessorial(
            @NotNull @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "must be an accessorial code") String code,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
    }
}
