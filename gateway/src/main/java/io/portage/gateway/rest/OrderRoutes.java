package io.portage.gateway.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.gateway.idempotency.IdempotencyKeys;
import io.portage.gateway.service.Caller;
import io.portage.gateway.service.CallerResolver;
import io.portage.gateway.service.PartnerApiRouting;
import io.portage.kit.rest.CorrelationContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Partners' order API at {@code /api/v1/orders}, routed to order-service. */
@Path("/api/v1/orders")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class OrderRoutes {

    private final PartnerApiRouting routing;
    private final CallerResolver callers;
    private final CorrelationContext correlation;
    private final IdempotencyKeys idempotency;

    public OrderRoutes(PartnerApiRouting routing, CallerResolver callers, CorrelationContext correlation,
            IdempotencyKeys idempotency) {
        this.routing = routing;
        this.callers = callers;
        this.correlation = correlation;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "order", value = """
            {"channel": "northwind-shop", "externalId": "NW-1001", "warehouse": "WH1",
             "customer": {"name": "Ada Lovelace", "email": "ada@example.com",
               "address": {"street": "12 Dock Road", "city": "Rotterdam", "postalCode": "3011 AA", "country": "NL"}},
             "lines": [{"sku": "PT-CHAIR-01", "quantity": 2}]}""")))
    @SecurityRequirement(name = "SecurityScheme", scopes = "orders:write")
    @Operation(summary = "Submit an order (scope orders:write)", description = "Idempotent by (channel, externalId).")
    @APIResponse(responseCode = "201", description = "Order received", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OrderView")))
    @APIResponse(responseCode = "200", description = "Order received earlier; returned unchanged", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OrderView")))
    @APIResponse(responseCode = "401", description = "No valid access token")
    @APIResponse(responseCode = "403", description = "The token lacks the orders:write scope")
    @APIResponse(responseCode = "409", description = "The first request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for another request")
    public Uni<Response> submit(@NotBlank String body,
            @Parameter(description = "Optional: the first answer for this key is returned again for 24 h") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Caller caller = callers.caller();
        caller.require("orders:write");
        String correlationId = correlation.id();
        return idempotency.once(caller.partnerId(), idempotencyKey, "POST /api/v1/orders", body,
                () -> routing.submitOrder(body, correlationId));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme", scopes = "orders:write")
    @Operation(summary = "Change one of your orders before its release (scope orders:write)", description = "Ship-to and/or all lines; If-Match must carry the ETag of the order as read (428 without, 412 if it changed).")
    @APIResponse(responseCode = "200", description = "The order as changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OrderView")))
    public Uni<Response> change(
            @PathParam("id") @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be an order id") String id,
            @NotBlank String body, @HeaderParam("If-Match") String ifMatch) {
        callers.caller().require("orders:write");
        return routing.changeOrder(id, body, ifMatch, correlation.id());
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme", scopes = "orders:write")
    @Operation(summary = "Cancel one of your orders before its release (scope orders:write)")
    @APIResponse(responseCode = "200", description = "The order, cancelled", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OrderView")))
    public Uni<Response> cancel(
            @PathParam("id") @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be an order id") String id,
            @NotBlank String body) {
        callers.caller().require("orders:write");
        return routing.cancelOrder(id, body, correlation.id());
    }

    @GET
    @Path("/{id}")
    @SecurityRequirement(name = "SecurityScheme", scopes = "orders:read")
    @Operation(summary = "Read one of your orders (scope orders:read)")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OrderView")))
    public Uni<Response> read(
            @PathParam("id") @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be an order id") String id) {
        Caller caller = callers.caller();
        caller.require("orders:read");
        return routing.readOrder(caller, id, correlation.id());
    }
}
