package io.portage.yard.rest;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import io.portage.yard.service.VisitService;
import io.smallrye.mutiny.Uni;

/** Trucks' visits at {@code /ops/yard/sites/{site}/visits} (operators): the yard board, one visit, a door override. */
@Path("/ops/yard/sites/{site}/visits")
@Produces(MediaType.APPLICATION_JSON)
public class VisitResource {

    private final VisitService visits;
    private final Callers callers;
    private final Clock clock = Clock.systemUTC();

    public VisitResource(VisitService visits, Callers callers) {
        this.visits = visits;
        this.callers = callers;
    }

    /** The body of a door override. */
    public record DoorRequest(
            @NotBlank @Pattern(regexp = "[A-Z0-9-]{1,16}", message = "must be an upper-case door code") String door) {
    }

    @GET
    @Operation(summary = "The trucks on the site now", description = "Every visit not departed, by arrival: where it stands, its door, its dwell.")
    public Uni<List<VisitView>> board(@PathParam("site") @Pattern(regexp = "[A-Z0-9-]{1,32}") String site) {
        callers.current().requireOperator();
        return visits.onSite(site).map(list -> list.stream().map(v -> VisitView.of(v, clock.instant())).toList());
    }

    @GET
    @Path("/{visitId}")
    @Operation(summary = "One visit")
    @APIResponse(responseCode = "200", description = "The visit", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "404", description = "No such visit at the site")
    public Uni<VisitView> get(@PathParam("site") @Pattern(regexp = "[A-Z0-9-]{1,32}") String site,
            @PathParam("visitId") @Size(max = 64) String visitId) {
        callers.current().requireOperator();
        return visits.find(site, visitId).map(v -> VisitView.of(v, clock.instant()));
    }

    @PUT
    @Path("/{visitId}/door")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put the truck at another door", description = "Overrides the appointment-door rule and earlier door scans; a later door scan wins again.")
    @APIResponse(responseCode = "200", description = "The visit", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "404", description = "No such visit at the site")
    public Uni<VisitView> assignDoor(@PathParam("site") @Pattern(regexp = "[A-Z0-9-]{1,32}") String site,
            @PathParam("visitId") @Size(max = 64) String visitId, @NotNull @Valid DoorRequest body) {
        String operator = callers.current().requireOperator().actor();
        return visits.assignDoor(site, visitId, body.door(), operator, clock.instant())
                .map(v -> VisitView.of(v, clock.instant()));
    }
}
