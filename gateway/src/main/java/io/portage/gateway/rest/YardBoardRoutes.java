package io.portage.gateway.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.portage.gateway.service.OperatorResolver;
import io.portage.gateway.service.OpsRouting;
import io.portage.kit.rest.CorrelationContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * The yard board and a trailer's visits at {@code /api/v1/ops/yard}, relayed to yard-service (the service serving
 * appointments) with the person's own token: for operators and the warehouse, with the {@code ops} scope.
 */
@Path("/api/v1/ops/yard")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class YardBoardRoutes {

    private final OpsRouting routing;
    private final OperatorResolver operators;
    private final CorrelationContext correlation;

    public YardBoardRoutes(OpsRouting routing, OperatorResolver operators, CorrelationContext correlation) {
        this.routing = routing;
        this.operators = operators;
        this.correlation = correlation;
    }

    @GET
    @Path("/board")
    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @Operation(summary = "The yard board: every site's doors, trucks on site and dwell (role ops or warehouse, scope ops)")
    @APIResponse(responseCode = "403", description = "The token lacks the ops scope, or the ops or warehouse role")
    @APIResponse(responseCode = "200", description = "The sites, by code", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "YardBoardViewList")))
    public Uni<Response> board() {
        operators.operator().requireYard();
        return routing.yardBoard(correlation.id());
    }

    @GET
    @Path("/visits")
    @SecurityRequirement(name = "SecurityScheme", scopes = "ops")
    @Operation(summary = "A trailer's visits, the latest first, with their appointments' shipments (role ops or warehouse, scope ops)")
    @APIResponse(responseCode = "403", description = "The token lacks the ops scope, or the ops or warehouse role")
    @APIResponse(responseCode = "200", description = "The visits, the latest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TrailerVisitViewList")))
    public Uni<Response> visits(
            @QueryParam("trailer") @NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9 ._-]+") String trailer,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        operators.operator().requireYard();
        return routing.trailerVisits(trailer, limit, correlation.id());
    }
}
