package io.portage.finance.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.finance.domain.AgreedAccessorial;
import io.portage.finance.domain.FuelSurcharge;
import io.portage.finance.service.CarrierTermsService;
import io.portage.kit.rest.ProblemException;
import io.smallrye.mutiny.Uni;

/** Carriers' audit terms at {@code /api/v1/carrier-terms/{carrier}}, for finance (realm role {@code finance}). */
@Path("/api/v1/carrier-terms/{carrier}")
@Produces(MediaType.APPLICATION_JSON)
public class CarrierTermsResource {

    private final CarrierTermsService terms;
    private final FinanceCallers callers;

    public CarrierTermsResource(CarrierTermsService terms, FinanceCallers callers) {
        this.terms = terms;
        this.callers = callers;
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a carrier's terms for the audit", description = "Replaces the carrier's Odoo vendor, "
            + "tolerance overrides, fuel surcharges and agreed accessorials.")
    public Uni<CarrierTermsService.Terms> set(
            @PathParam("carrier") @Pattern(regexp = CarrierInvoiceRequest.TEXT, message = "must be 1 to 100 letters, digits, spaces or ._/#&()+-") String carrier,
            @NotNull @Valid CarrierTermsRequest body) {
        String actor = callers.financeActor();
        List<FuelSurcharge> fuel = body.fuelSurcharges() == null
                ? List.of()
                : body.fuelSurcharges().stream().map(f -> new FuelSurcharge(f.validFrom(), f.percent())).toList();
        Set<Object> starts = new HashSet<>();
        for (int i = 0; i < fuel.size(); i++) {
            if (!starts.add(fuel.get(i).validFrom())) {
                throw ProblemException.invalid("fuelSurcharges[" + i + "].validFrom", "starts another surcharge too");
            }
        }
        List<AgreedAccessorial> accessorials = body.accessorials() == null
                ? List.of()
                : body.accessorials().stream().map(a -> new AgreedAccessorial(a.code(), a.amount(), a.currency())).toList();
        Set<Object> codes = new HashSet<>();
        for (int i = 0; i < accessorials.size(); i++) {
            if (!codes.add(accessorials.get(i).code())) {
                throw ProblemException.invalid("accessorials[" + i + "].code", "is agreed twice");
            }
        }
        return terms.set(carrier, body.odooPartnerId(), body.amountTolerance(), body.percentTolerance(), fuel,
                accessorials, actor);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = "finance")
    @GET
    @Operation(summary = "A carrier's terms for the audit, with the tolerance in force")
    public Uni<CarrierTermsService.Terms> get(
            @PathParam("carrier") @Pattern(regexp = CarrierInvoiceRequest.TEXT, message = "must be 1 to 100 letters, digits, spaces or ._/#&()+-") String carrier) {
        callers.financeActor();
        return terms.of(carrier);
    }
}
