package io.portage.gateway.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.portage.gateway.service.CallerResolver;
import io.portage.gateway.service.OrderRouting;
import io.portage.kit.rest.CorrelationContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Partners' order API at {@code /api/v1/orders}, routed to order-service. */
@Path("/api/v1/orders")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class OrderRoutes {

    private final OrderRouting routing;
    private final CallerResolver callers;
    private final CorrelationContext correlation;

    public OrderRoutes(OrderRouting routing, CallerResolver callers, CorrelationContext correlation) {
        this.routing = routing;
        this.callers = callers;
        this.correlation = correlation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an order (scope orders:write)", description = "Idempotent by (channel, externalId).")
    @APIResponse(responseCode = "201", description = "Order received")
    @APIResponse(responseCode = "200", description = "Order received earlier; returned unchanged")
    @APIResponse(responseCode = "401", description = "No valid access token")
    @APIResponse(responseCode = "403", description = "The token lacks the orders:write scope")
    public Uni<Response> submit(@NotBlank String body) {
        return routing.submit(callers.caller(), body, correlation.id());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one of your orders (scope orders:read)")
    public Uni<Response> read(
            @PathParam("id") @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be an order id") String id) {
        return routing.read(callers.caller(), id, correlation.id());
    }
}
