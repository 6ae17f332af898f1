package io.portage.edge.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.portage.edge.service.ForwardingService;
import io.portage.kit.rest.ProblemException;

/** Events the gateway rejected as invalid, at {@code /api/v1/dead-letters}, and their replay into the queue. */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final ForwardingService forwarding;

    public DeadLetterResource(ForwardingService forwarding) {
        this.forwarding = forwarding;
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "Dead letters, oldest rejection first")
    @SecurityRequirement(name = EdgeOpenApi.OPERATOR)
    @APIResponse(responseCode = "200", description = "The dead letters with their payloads and reasons")
    @APIResponse(responseCode = "400", description = "limit is not a number from 1 to 10000")
    public List<DeadLetterView> list(@QueryParam("limit") @DefaultValue("100") String limitText) {
        int limit;
        try {
            limit = Integer.parseInt(limitText.strip());
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1 || limit > 10_000) {
            throw ProblemException.invalid("limit", "must be a number from 1 to 10000");
        }
        return forwarding.deadLetters(limit).stream().map(DeadLetterView::of).toList();
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replayDeadLetters", summary = "Put dead letters back at the end of the queue", description = "All of them without ids.")
    @SecurityRequirement(name = EdgeOpenApi.OPERATOR)
    @APIResponse(responseCode = "200", description = "How many were put back")
    @APIResponse(responseCode = "400", description = "A malformed body or id, e.g. ids[0] null")
    @APIResponse(responseCode = "415", description = "Not JSON")
    public Map<String, Integer> replay(ReplayRequest request) {
        List<UUID> ids = request == null || request.ids() == null ? List.of() : request.ids();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                throw ProblemException.invalid("ids[" + i + "]", "must be a dead letter's id, not null");
            }
        }
        return Map.of("replayed", forwarding.replay(ids));
    }
}
