package io.portage.shipment.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import io.portage.contracts.shipment.ReturnInitiated;
import io.portage.contracts.shipment.ReturnReceived;
import io.portage.kit.security.Caller;
import io.portage.kit.security.Callers;
import io.portage.shipment.domain.ShipmentReturn;
import io.portage.shipment.service.ReturnLabelService;
import io.portage.shipment.service.ReturnService;
import io.smallrye.mutiny.Uni;

/**
 * Returns of a shipment at {@code /api/v1/shipments/{id}/returns}: opened by its partner or customer service (scope
 * {@code shipments:write}) for a dispatched shipment, received at a site with each line's condition, listed (scope
 * {@code shipments:read}).
 */
@Path("/api/v1/shipments/{id}/returns")
@Produces(MediaType.APPLICATION_JSON)
public class ReturnResource {

    private static final String SHIPMENTS_READ = "shipments:read";
    private static final String SHIPMENTS_WRITE = "shipments:write";

    private final ReturnService returns;
    private final ReturnLabelService returnLabels;
    private final Callers callers;

    public ReturnResource(ReturnService returns, ReturnLabelService returnLabels, Callers callers) {
        this.returns = returns;
        this.returnLabels = returnLabels;
        this.callers = callers;
    }

    /** Why goods come back and which. */
    public record ReturnRequest(@NotNull ReturnInitiated.ReasonCode reasonCode,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines) {
    }

    /** A SKU and a positive quantity. */
    public record Line(@NotBlank @Size(max = 64) String sku,
            @NotNull @DecimalMin(value = "0.001") @DecimalMax("1000000") @Digits(integer = 7, fraction = 3) BigDecimal quantity) {
    }

    /** Where the goods arrived and in which condition (the warehouse's receipt scan). */
    public record ReceiptRequest(@NotNull @Pattern(regexp = "[A-Z0-9-]{1,32}") String site,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid ReceivedLine> lines) {
    }

    /** A SKU, the quantity that arrived and its condition. */
    public record ReceivedLine(@NotBlank @Size(max = 64) String sku,
            @NotNull @DecimalMin(value = "0.001") @DecimalMax("1000000") @Digits(integer = 7, fraction = 3) BigDecimal quantity,
            @NotNull ReturnReceived.Condition condition) {
    }

    /** A return as the API shows it. */
    public record ReturnView(UUID id, UUID shipmentId, String reasonCode, String status, String initiatedBy,
            List<ShipmentReturn.Line> lines, Instant initiatedAt, String site, List<ShipmentReturn.ReceivedLine> received,
            Instant receivedAt, ShipmentReturn.ReturnLabel label) {

        static ReturnView of(ShipmentReturn r) {
            return new ReturnView(r.id(), r.shipmentId(), r.reasonCode(), r.status(), r.initiatedBy(), r.lines(),
                    r.initiatedAt(), r.site(), r.receivedLines(), r.receivedAt(), r.label());
        }
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_WRITE)
    @POST
    @Path("/{returnId}/label")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Buy a return's label", description = "A return label for the parcels, from the shipment's carrier when it sells return labels, else the cheapest other carrier that does (a refusal or timeout moves on); once per return, before the goods arrived (422 otherwise); 502 with every carrier's own error when none sells one.")
    @APIResponse(responseCode = "201", description = "Return label bought", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnView.class)))
    @APIResponse(responseCode = "422", description = "Labelled already, or the goods arrived")
    @APIResponse(responseCode = "502", description = "No carrier sold one: every carrier's own error")
    public Uni<Response> label(@PathParam("id") UUID id, @PathParam("returnId") UUID returnId,
            @NotNull @Valid LabelRequest request) {
        return returnLabels.buy(id, callers.current().requireScope(SHIPMENTS_WRITE).tenant().orElse(null), returnId,
                request.toParcels(), request.level())
                .map(labelled -> Response.status(201).entity(ReturnView.of(labelled)).build());
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a return", description = "For a dispatched shipment (409 otherwise): the reason and the lines that come back, each SKU once.")
    @APIResponse(responseCode = "201", description = "Return opened", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnView.class)))
    @APIResponse(responseCode = "409", description = "The shipment was not dispatched")
    @APIResponse(responseCode = "422", description = "A SKU twice, or not of the shipment")
    public Uni<Response> initiate(@PathParam("id") UUID id, @NotNull @Valid ReturnRequest request) {
        Caller caller = callers.current().requireScope(SHIPMENTS_WRITE);
        return returns.initiate(id, caller.tenant().orElse(null), request.reasonCode().name(),
                request.lines().stream().map(l -> new ShipmentReturn.Line(l.sku(), l.quantity())).toList(), caller.name())
                .map(opened -> Response.status(201).entity(ReturnView.of(opened)).build());
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_WRITE)
    @POST
    @Path("/{returnId}/receipt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a return", description = "The goods arrived at a site: each line's quantity (at most the announced) and condition; once.")
    @APIResponse(responseCode = "200", description = "Received", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnView.class)))
    @APIResponse(responseCode = "422", description = "A line not of the return, more than announced, or received already")
    public Uni<ReturnView> receive(@PathParam("id") UUID id, @PathParam("returnId") UUID returnId,
            @NotNull @Valid ReceiptRequest request) {
        return returns.receive(id, callers.current().requireScope(SHIPMENTS_WRITE).tenant().orElse(null), returnId,
                request.site(), request.lines()
                        .stream()
                        .map(l -> new ShipmentReturn.ReceivedLine(l.sku(), l.quantity(), l.condition().name()))
                        .toList())
                .map(ReturnView::of);
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = SHIPMENTS_READ)
    @GET
    @Operation(summary = "List a shipment's returns")
    public Uni<List<ReturnView>> list(@PathParam("id") UUID id) {
        return returns.ofShipment(id, callers.current().requireScope(SHIPMENTS_READ).tenant().orElse(null))
                .map(found -> found.stream().map(ReturnView::of).toList());
    }
}
