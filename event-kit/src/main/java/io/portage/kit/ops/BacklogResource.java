package io.portage.kit.ops;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.portage.kit.rest.ProblemException;
import io.portage.kit.security.Caller;
import io.portage.kit.security.Callers;
import io.smallrye.mutiny.Uni;

/**
 * The backlogs that cost money of a service at {@code /ops/backlogs}: each {@link Backlog} with its count and oldest
 * item, and its items oldest first. Operators see every backlog, finance and warehouse people those their role owns
 * (the event kit's HTTP policy {@code exception-owners} admits these roles; each call here checks the owner).
 */
@Path("/ops/backlogs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class BacklogResource {

    private final Backlogs backlogs;
    private final Callers callers;

    public BacklogResource(Backlogs backlogs, Callers callers) {
        this.backlogs = backlogs;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "The service's backlogs", description = "Each with how many items wait, the oldest's time and "
            + "age, and the path of its items. A caller who is not an operator sees only the backlogs their roles own.")
    @APIResponse(responseCode = "200", description = "The backlogs the caller may see", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = BacklogView.class)))
    public Uni<List<BacklogView>> list() {
        return backlogs.summaries(backlogs.visibleTo(callers.person()), Instant.now());
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One backlog's items", description = "Oldest first.")
    @APIResponse(responseCode = "403", description = "The backlog is owned by a role the caller does not hold")
    @APIResponse(responseCode = "404", description = "No such backlog")
    @APIResponse(responseCode = "200", description = "The waiting items, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = BacklogItemView.class)))
    public Uni<List<BacklogItemView>> items(@PathParam("name") String name,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Caller caller = callers.person();
        Backlog backlog = backlogs.named(name).orElseThrow(() -> ProblemException.notFound("Backlog", name));
        if (!caller.owns(backlog.ownerRole())) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "The backlog " + name + " is owned by '" + backlog.ownerRole() + "'; the token has roles "
                            + caller.roles());
        }
        return backlogs.items(backlog, limit, Instant.now());
    }
}
