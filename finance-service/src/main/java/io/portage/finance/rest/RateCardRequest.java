package io.portage.finance.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/rate-cards}. */
public record RateCardRequest(
        @NotBlank @Size(max = 100) String carrier,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String originCountry,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String destinationCountry,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal minimumCharge,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 6, fraction = 4) BigDecimal pricePerKg,
        @NotNull LocalDate validFrom,
        LocalDate validTo) {
}
