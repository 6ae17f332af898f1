package io.portage.gateway.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.portage.gateway.service.OperatorResolver;
import io.portage.gateway.service.OpsRouting;
import io.portage.kit.rest.CorrelationContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Operators' door to the services' operations APIs at {@code /api/v1/ops/<service>/...}: dead letters, parked
 * events, exceptions, backlogs and the audit trail. Needs the {@code ops} role and scope, except the exception queues
 * and the backlogs, which the roles owning them (finance, warehouse) reach with the {@code ops} scope too (each service
 * shows them their own); the
 * person named to the service (and in its audit trail) is the token's, never a header the caller sets.
 */
@Path("/api/v1/ops/{service}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class OpsRoutes {

    private final OpsRouting routing;
    private final OperatorResolver operators;
    private final CorrelationContext correlation;

    public OpsRoutes(OpsRouting routing, OperatorResolver operators, CorrelationContext correlation) {
        this.routing = routing;
        this.operators = operators;
        this.correlation = correlation;
    }

    @GET
    @Path("/{resource}")
    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @Operation(summary = "List dead letters, parked events, exceptions, backlogs or audit records of a service (role and scope ops; exceptions and backlogs also finance and warehouse)")
    @APIResponse(responseCode = "403", description = "The token lacks the ops role or scope")
    @APIResponse(responseCode = "404", description = "No such service behind the gateway, or no such resource")
    @APIResponse(responseCode = "200", description = "The service's records, as its own operations API lists them", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OpsList")))
    public Uni<Response> list(@PathParam("service") String service, @PathParam("resource") String resource,
            @Context UriInfo uri) {
        operators.operator().requireFor(resource);
        Map<String, String> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
        return routing.list(service, resource, query, correlation.id());
    }

    @GET
    @Path("/{resource}/{id}")
    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @Operation(summary = "Read one dead letter or exception of a service, or a backlog's items by its name (role and scope ops; exceptions and backlogs also finance and warehouse)")
    @APIResponse(responseCode = "404", description = "No such service, resource or record")
    @APIResponse(responseCode = "200", description = "The record", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OpsRecord")))
    public Uni<Response> get(@PathParam("service") String service, @PathParam("resource") String resource,
            @PathParam("id") String id) {
        operators.operator().requireFor(resource);
        return routing.get(service, resource, id, correlation.id());
    }

    @GET
    @Path("/{resource}/{id}/{view}")
    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @Operation(summary = "What was done to one exception of a service: its history (roles and scope as for exceptions)")
    @APIResponse(responseCode = "404", description = "No such service, resource or record")
    @APIResponse(responseCode = "200", description = "The record's audit trail, newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OpsList")))
    public Uni<Response> view(@PathParam("service") String service, @PathParam("resource") String resource,
            @PathParam("id") String id, @PathParam("view") String view) {
        operators.operator().requireFor(resource);
        return routing.view(service, resource, id, view, correlation.id());
    }

    @POST
    @Path("/{resource}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @Operation(summary = "A bulk action, e.g. replay every matching dead letter (role and scope ops)")
    @APIResponse(responseCode = "404", description = "No such service, resource or action")
    @APIResponse(responseCode = "200", description = "What the action did", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OpsOutcome")))
    public Uni<Response> act(@PathParam("service") String service, @PathParam("resource") String resource,
            @PathParam("action") String action, String body) {
        operators.operator().requireFor(resource);
        return routing.act(service, resource, action, body, correlation.id());
    }

    @POST
    @Path("/{resource}/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @Operation(summary = "Replay, discard, retry or resolve one record (role and scope ops)")
    @APIResponse(responseCode = "404", description = "No such service, resource, record or action")
    @APIResponse(responseCode = "409", description = "The record is not in a state the action applies to")
    @APIResponse(responseCode = "200", description = "The record after the action", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OpsOutcome")))
    public Uni<Response> actOn(@PathParam("service") String service, @PathParam("resource") String resource,
            @PathParam("id") String id, @PathParam("action") String action, String body) {
        operators.operator().requireFor(resource);
        return routing.actOn(service, resource, id, action, body, correlation.id());
    }
}
