package io.portage.gateway.rest;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import io.portage.gateway.service.Caller;
import io.portage.gateway.service.CallerResolver;
import io.portage.gateway.service.PartnerApiRouting;
import io.portage.kit.rest.CorrelationContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Partners' shipments at {@code /api/v1/shipments} (scope {@code shipments:read}), routed to shipment-service. */
@Path("/api/v1/shipments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentRoutes {

    private static final String SCOPE = "shipments:read";

    private final PartnerApiRouting routing;
    private final CallerResolver callers;
    private final CorrelationContext correlation;

    public ShipmentRoutes(PartnerApiRouting routing, CallerResolver callers, CorrelationContext correlation) {
        this.routing = routing;
        this.callers = callers;
        this.correlation = correlation;
    }

    @GET
    @SecurityRequirement(name = "SecurityScheme", scopes = "shipments:read")
    @Operation(summary = "Your shipments (scope shipments:read)", description = "Those of one of your orders, or your latest.")
    @APIResponse(responseCode = "403", description = "The token lacks the shipments:read scope")
    @APIResponse(responseCode = "200", description = "Newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShipmentViewList")))
    public Uni<Response> list(@QueryParam("orderId") UUID orderId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        callers.caller().require(SCOPE);
        return routing.listShipments(orderId == null ? null : orderId.toString(), limit, correlation.id());
    }

    @GET
    @Path("/{id}")
    @SecurityRequirement(name = "SecurityScheme", scopes = "shipments:read")
    @Operation(summary = "One of your shipments (scope shipments:read)")
    @APIResponse(responseCode = "404", description = "No such shipment (or not yours)")
    @APIResponse(responseCode = "200", description = "The shipment", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShipmentView")))
    public Uni<Response> get(@PathParam("id") UUID id) {
        Caller caller = callers.caller();
        caller.require(SCOPE);
        return routing.readShipment(caller, id.toString(), correlation.id());
    }
}
