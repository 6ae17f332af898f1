package io.portage.finance.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.finance.domain.Lane;
import io.portage.finance.service.FreightQuote;
import io.portage.finance.service.RateCardService;
import io.smallrye.mutiny.Uni;

/** Freight quotes at {@code /api/v1/freight-quotes}, priced with the carrier's rate card valid on the ship date. */
@Path("/api/v1/freight-quotes")
@Produces(MediaType.APPLICATION_JSON)
public class FreightQuoteResource {

    private final RateCardService rateCards;

    public FreightQuoteResource(RateCardService rateCards) {
        this.rateCards = rateCards;
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @GET
    @Operation(summary = "Price a shipment", description = "The larger of price per kg x weight and the minimum charge.")
    public Uni<FreightQuote> quote(
            @QueryParam("carrier") @NotBlank String carrier,
            @QueryParam("from") @NotNull @Pattern(regexp = "[A-Z]{2}") String from,
            @QueryParam("to") @NotNull @Pattern(regexp = "[A-Z]{2}") String to,
            @QueryParam("weightKg") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") BigDecimal weightKg,
            @QueryParam("shipDate") LocalDate shipDate) {
        return rateCards.quote(carrier, new Lane(from, to), weightKg, shipDate);
    }
}
