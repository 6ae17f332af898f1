package io.portage.finance.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/carrier-invoices}: one carrier invoice and its lines, amounts in its currency. */
public record CarrierInvoiceRequest(
        @Size(max = 100) @Pattern(regexp = TEXT, message = "must be 1 to 100 letters, digits, spaces or ._/#&()+-") String carrier,
        @NotNull @Pattern(regexp = TEXT, message = "must be 1 to 100 letters, digits, spaces or ._/#&()+-") String invoiceNumber,
        @NotNull LocalDate invoiceDate,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotEmpty @Size(max = 10000) List<@NotNull @Valid Line> lines) {

    static final String TEXT = "[\\p{L}\\p{N} ._/#&()+-]{1,100}";

    /** One line: a tracking number, how it shipped, and what it costs. */
    public record Line(
            @NotNull @Min(1) Integer line,
            @NotNull @Pattern(regexp = TEXT, message = "must be 1 to 100 letters, digits, spaces or ._/#&()+-") String trackingNumber,
            @NotNull LocalDate shipDate,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String origin,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String destination,
            @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "must be a service code of up to 40 capitals, digits, _ or -") String service,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 3) BigDecimal declaredWeightKg,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 3) BigDecimal billedWeightKg,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal freight,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal fuel,
            @Size(max = 20) Map<@Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "must be an accessorial code") String, @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal> accessorials,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal total) {
    }
}
