package io.portage.yard.rest;

import java.time.Clock;
import java.util.List;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.portage.kit.rest.ProblemException;
import io.portage.kit.security.Caller;
import io.portage.kit.security.Callers;
import io.portage.yard.service.YardBoard;
import io.smallrye.mutiny.Uni;

/**
 * The yard board at {@code /ops/yard/board}, every site's doors and trucks on site with their dwell, and a trailer's
 * visits at {@code /ops/yard/visits}: for operators and the warehouse (realm roles {@code ops}, {@code warehouse}).
 */
@Path("/ops/yard")
@Produces(MediaType.APPLICATION_JSON)
public class YardBoardResource {

    private static final String WAREHOUSE = "warehouse";

    private final YardBoard board;
    private final Callers callers;
    private final Clock clock = Clock.systemUTC();

    public YardBoardResource(YardBoard board, Callers callers) {
        this.board = board;
        this.callers = callers;
    }

    @GET
    @Path("/board")
    @Operation(summary = "The yard board", description = "Every defined site and every site with trucks on it, by code: each door with the truck at it, the trucks on site by arrival with their dwell minutes, and the counts. For operators and the warehouse.")
    @APIResponse(responseCode = "403", description = "The caller is neither an operator nor warehouse")
    @APIResponse(responseCode = "200", description = "The sites", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = YardBoardView.class)))
    public Uni<List<YardBoardView>> board() {
        requireYardPerson();
        return board.sites().map(sites -> sites.stream().map(site -> YardBoardView.of(site, clock.instant())).toList());
    }

    @GET
    @Path("/visits")
    @Operation(summary = "A trailer's visits", description = "Every visit the trailer arrived with or was swapped to, the latest first, with the appointment it came for and the shipments that names. For operators and the warehouse.")
    @APIResponse(responseCode = "403", description = "The caller is neither an operator nor warehouse")
    @APIResponse(responseCode = "200", description = "The visits, the latest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = YardBoardView.TrailerVisitView.class)))
    public Uni<List<YardBoardView.TrailerVisitView>> visits(
            @QueryParam("trailer") @NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9 ._-]+") String trailer,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        requireYardPerson();
        return board.trailer(trailer.trim(), limit)
                .map(found -> found.stream()
                        .map(visit -> YardBoardView.TrailerVisitView.of(visit, clock.instant()))
                        .toList());
    }

    private void requireYardPerson() {
        Caller caller = callers.person();
        if (!caller.owns(WAREHOUSE)) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "The yard board is for operators and the warehouse; the token has roles " + caller.roles());
        }
    }
}
