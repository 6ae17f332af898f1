package io.portage.gateway.rest;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.portage.gateway.service.OperatorResolver;
import io.portage.gateway.service.PartnerApiRouting;
import io.portage.kit.rest.CorrelationContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Operators find any shipment and read its timeline at {@code /api/v1/ops/shipments} (role and scope ops), relayed to
 * shipment-service with their own token: what the console's search shows.
 */
@Path("/api/v1/ops/shipments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class ShipmentLookupRoutes {

    private final PartnerApiRouting routing;
    private final OperatorResolver operators;
    private final CorrelationContext correlation;

    public ShipmentLookupRoutes(PartnerApiRouting routing, OperatorResolver operators, CorrelationContext correlation) {
        this.routing = routing;
        this.operators = operators;
        this.correlation = correlation;
    }

    @GET
    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @Operation(summary = "Find any partner's shipments (role and scope ops)", description = "Those of one order (orderId, Portage's id), or found by the channel's order number, an Odoo reference (sale order or delivery name) or a tracking number (master or parcel), each exact and combined. Newest first.")
    @APIResponse(responseCode = "403", description = "The token lacks the ops role or scope")
    @APIResponse(responseCode = "200", description = "Newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShipmentViewList")))
    public Uni<Response> find(@QueryParam("orderId") UUID orderId,
            @QueryParam("orderNumber") @Size(min = 1, max = 100) String orderNumber,
            @QueryParam("odooRef") @Size(min = 1, max = 64) String odooRef,
            @QueryParam("trackingNumber") @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9-]+") String trackingNumber,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        operators.operator().requireOps();
        return routing.findShipments(orderId == null ? null : orderId.toString(), orderNumber, odooRef, trackingNumber,
                limit, correlation.id());
    }

    @GET
    @Path("/{id}/timeline")
    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @Operation(summary = "Any shipment's history, oldest first (role and scope ops)", description = "Created, label, dispatched, every carrier scan, exceptions, proof of delivery, returns, Odoo.")
    @APIResponse(responseCode = "403", description = "The token lacks the ops role or scope")
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(responseCode = "200", description = "Oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TimelineEntryList")))
    public Uni<Response> timeline(@PathParam("id") UUID id) {
        operators.operator().requireOps();
        return routing.readShipmentPart(id.toString(), PartnerApiRouting.ShipmentPart.TIMELINE, correlation.id());
    }
}
