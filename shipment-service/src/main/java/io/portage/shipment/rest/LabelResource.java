package io.portage.shipment.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.kit.rest.Problem;
import io.portage.kit.security.Callers;
import io.portage.shipment.domain.ShipmentLine;
import io.portage.shipment.domain.carrier.Rate;
import io.portage.shipment.rest.ReturnResource.Line;
import io.portage.shipment.service.CarrierError;
import io.portage.shipment.service.LabelService;
import io.smallrye.mutiny.Uni;

/**
 * A shipment's carrier at {@code /api/v1/shipments/{id}}: its rates across the configured carriers, its label (bought
 * from the best carrier that sells it), voiding the label, and its dispatch. Scope {@code shipments:write}; a partner
 * acts only on its own shipments.
 */
@Path("/api/v1/shipments/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class LabelResource {

    private static final String SHIPMENTS_WRITE = "shipments:write";

    private final LabelService labels;
    private final Callers callers;

    public LabelResource(LabelService labels, Callers callers) {
        this.labels = labels;
        this.callers = callers;
    }

    /** The ranked rates and what the carriers that gave none answered. */
    public record RatesView(List<Rate> rates, List<CarrierError> carrierErrors) {
    }

    /** A labelled shipment, and the carriers tried before the one that sold the label. */
    public record LabelledView(ShipmentView shipment, List<CarrierError> triedFirst) {
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_WRITE)
    @POST
    @Path("/rates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate a shipment", description = "Rates of every configured carrier whose rules take the parcels, cheapest first, then fastest; the carriers that gave none with their own error code and message.")
    public Uni<RatesView> rates(@PathParam("id") UUID id, @NotNull @Valid LabelRequest request) {
        return labels.rates(id, partner(), request.toParcels(), request.level())
                .map(quote -> new RatesView(quote.rates(), quote.carrierErrors()));
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_WRITE)
    @POST
    @Path("/label")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Buy a shipment's label", description = "Buys the label of the best rate; when that carrier times out or refuses, the next carrier's. 502 with every carrier's own error when none sells one.")
    @APIResponse(responseCode = "201", description = "Label bought", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LabelledView.class)))
    @APIResponse(responseCode = "409", description = "The shipment is not planned")
    @APIResponse(responseCode = "502", description = "No carrier sold a label: every carrier's own error")
    public Uni<Response> buy(@PathParam("id") UUID id, @NotNull @Valid LabelRequest request) {
        return labels.buy(id, partner(), request.toParcels(), request.level())
                .map(purchase -> Response.status(201)
                        .entity(new LabelledView(ShipmentView.of(purchase.shipment()), purchase.triedFirst()))
                        .build());
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_WRITE)
    @POST
    @Path("/label/void")
    @Operation(summary = "Void a shipment's label", description = "Voids (refunds) the label with its carrier; the shipment is planned again. Not after dispatch.")
    @APIResponse(responseCode = "200", description = "Voided", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(responseCode = "409", description = "No label, or dispatched already")
    @APIResponse(responseCode = "502", description = "The carrier refused: its own error")
    public Uni<ShipmentView> voidLabel(@PathParam("id") UUID id) {
        return labels.voidLabel(id, partner()).map(ShipmentView::of);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_WRITE)
    @POST
    @Path("/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dispatch a labelled shipment", description = "The shipment left with its carrier, with the lines given (all of it without lines); its Odoo delivery is validated with those quantities, and what stays behind becomes the order's next shipment (Odoo's backorder). 422 for a SKU not in the shipment or more than it holds.")
    @APIResponse(responseCode = "200", description = "Dispatched", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(responseCode = "409", description = "Not labelled, or dispatched already")
    @APIResponse(responseCode = "422", description = "A SKU not in the shipment, or more than it holds")
    public Uni<ShipmentView> dispatch(@PathParam("id") UUID id, @Valid DispatchRequest request) {
        List<ShipmentLine> shipped = request == null || request.lines() == null
                ? List.of()
                : request.lines().stream().map(line -> new ShipmentLine(line.sku(), line.quantity())).toList();
        return labels.dispatch(id, partner(), shipped).map(ShipmentView::of);
    }

    /** What left: a SKU of the shipment and a positive quantity each; none = everything. */
    public record DispatchRequest(@Size(max = 500) List<@NotNull @Valid Line> lines) {
    }

    /** A carrier's answer as a problem's violation: the field names the carrier, the message its code and words. */
    static Problem.Violation violation(CarrierError error) {
        return new Problem.Violation("carriers." + error.carrier(),
                error.kind() + " " + error.code() + ": " + error.message());
    }

    private String partner() {
        return callers.current().requireScope(SHIPMENTS_WRITE).tenant().orElse(null);
    }
}
