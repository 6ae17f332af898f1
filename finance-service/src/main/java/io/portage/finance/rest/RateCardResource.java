package io.portage.finance.rest;

import java.net.URI;
import java.util.Currency;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.finance.domain.Lane;
import io.portage.finance.domain.Tariff;
import io.portage.finance.service.RateCardService;
import io.portage.kit.rest.ProblemException;
import io.smallrye.mutiny.Uni;

/** Carrier rate cards at {@code /api/v1/rate-cards}. */
@Path("/api/v1/rate-cards")
@Produces(MediaType.APPLICATION_JSON)
public class RateCardResource {

    private final RateCardService rateCards;

    public RateCardResource(RateCardService rateCards) {
        this.rateCards = rateCards;
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a carrier's rate card for a lane")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RateCardView.class)))
    @APIResponse(responseCode = "409", description = "The carrier already has a card for the lane valid during part of the period")
    public Uni<Response> add(@NotNull @Valid RateCardRequest body) {
        Currency currency;
        try {
            currency = Currency.getInstance(body.currency());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("currency", "is not an ISO 4217 currency");
        }
        if (body.validTo() != null && body.validTo().isBefore(body.validFrom())) {
            throw ProblemException.invalid("validTo", "cannot be before validFrom");
        }
        return rateCards.add(body.carrier(), new Lane(body.originCountry(), body.destinationCountry()),
                new Tariff(currency, body.minimumCharge(), body.pricePerKg()), body.validFrom(), body.validTo())
                .map(card -> Response.created(URI.create("/api/v1/rate-cards/" + card.id()))
                        .entity(RateCardView.of(card))
                        .build());
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @GET
    @Operation(summary = "A carrier's rate cards")
    public Uni<List<RateCardView>> ofCarrier(@QueryParam("carrier") @NotBlank String carrier) {
        return rateCards.ofCarrier(carrier).map(cards -> cards.stream().map(RateCardView::of).toList());
    }
}
