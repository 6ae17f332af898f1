package io.portage.yard.rest;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.portage.kit.security.Callers;
import io.portage.yard.domain.DetentionTerms;
import io.portage.yard.service.DetentionService;
import io.smallrye.mutiny.Uni;

/** A carrier's detention terms at {@code /ops/yard/carriers/{carrier}/detention} (operators; carrier = its partner id). */
@Path("/ops/yard/carriers/{carrier}/detention")
@Produces(MediaType.APPLICATION_JSON)
public class CarrierDetentionResource {

    private final DetentionService detention;
    private final Callers callers;

    public CarrierDetentionResource(DetentionService detention, Callers callers) {
        this.detention = detention;
        this.callers = callers;
    }

    /** The terms: free minutes, hourly rate and currency, rounding increment in minutes, maximum per visit (optional). */
    public record Terms(
            @NotNull @Min(0) @Max(43_200) Integer freeMinutes,
            @NotNull @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 6, fraction = 2) BigDecimal hourlyRate,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency,
            @NotNull @Min(1) @Max(1440) Integer roundingMinutes,
            @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal maximumCharge) {

        DetentionTerms toTerms() {
            return new DetentionTerms(Duration.ofMinutes(freeMinutes), hourlyRate, currency,
                    Duration.ofMinutes(roundingMinutes),
                    maximumCharge);
        }

        static Terms of(DetentionTerms terms) {
            return new Terms((int) terms.freeTime().toMinutes(), terms.hourlyRate(), terms.currency(),
                    (int) terms.rounding().toMinutes(), terms.maximumCharge());
        }
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a carrier's detention terms", description = "The clock starts at the slot's start when the truck is on time, at its arrival when late, and stops at gate-out; time beyond the free minutes is rounded up to the increment, charged by the hour and capped at the maximum.")
    @APIResponse(responseCode = "200", description = "The terms as defined now", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Terms.class)))
    public Uni<Terms> define(@PathParam("carrier") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String carrier,
            @NotNull @Valid Terms body) {
        String by = callers.current().requireOperator().actor();
        return detention.define(carrier, body.toTerms(), by).map(Terms::of);
    }

    @GET
    @Operation(summary = "Read a carrier's detention terms")
    @APIResponse(responseCode = "200", description = "The terms", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Terms.class)))
    @APIResponse(responseCode = "404", description = "The carrier has no terms")
    public Uni<Terms> get(@PathParam("carrier") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String carrier) {
        callers.current().requireOperator();
        return detention.terms(carrier).map(Terms::of);
    }
}
