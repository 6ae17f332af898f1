package io.portage.gateway.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.gateway.config.GatewayConfig;
import io.portage.gateway.edge.EdgeIntake;
import io.portage.gateway.service.Caller;
import io.portage.gateway.service.CallerResolver;
import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.rest.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Warehouses' edge agents forward their scanner and WMS events here (scope {@code events:write}). The site is the
 * token's partner: the client {@code edge-wh1} with partner {@code wh1} sends for site {@code WH1}; the body's
 * {@code site} is only checked against it. The contract is in edge-agent/README.md.
 */
@Path("/api/v1/edge/events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "edge")
public class EdgeRoutes {

    private static final Pattern SITE = Pattern.compile("[A-Z0-9-]{1,32}");

    private final EdgeIntake intake;
    private final CallerResolver callers;
    private final CorrelationContext correlation;
    private final int maxBatch;

    public EdgeRoutes(EdgeIntake intake, CallerResolver callers, CorrelationContext correlation, GatewayConfig config) {
        this.intake = intake;
        this.callers = callers;
        this.correlation = correlation;
        this.maxBatch = config.edge().maxBatch();
    }

    /** The answer: one result per event, in the order sent. */
    public record Answer(List<EdgeIntake.Result> results) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "picks", value = """
            {"site": "WH1", "events": [{"id": "5b7c3f9e-2f4c-4a55-9a43-0b7f7d1c2e11", "type": "scan.pick.confirmed",
             "key": "3f0c2a4e-0000-4000-8000-000000000001", "priority": "DISPATCH", "occurredAt": "2026-11-23T08:00:00Z",
             "payload": {"lineNumber": 1, "sku": "PT-CHAIR-01", "quantity": 2, "location": "A-01-03", "pickerId": "badge-17"}}]}""")))
    @SecurityRequirement(name = "SecurityScheme", scopes = "events:write")
    @Operation(summary = "Forward a batch of a warehouse's edge events (scope events:write)", description = """
            Each event is answered accepted (committed, published to portage.warehouse as its canonical event),
            duplicate (its id was accepted before) or rejected (invalid for good, with the reason). Events of one key
            are applied in the order sent, across batches.""")
    @APIResponse(responseCode = "200", description = "One result per event")
    @APIResponse(responseCode = "400", description = "Not a batch: no events array, too many events, an event without a UUID id")
    @APIResponse(responseCode = "403", description = "No events:write scope, or the body names another site than the token")
    public Uni<Answer> forward(JsonNode body) {
        Caller caller = callers.caller();
        caller.require("events:write");
        String site = siteOf(caller);
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object with an events array");
        }
        JsonNode named = body.get("site");
        if (named != null && !named.isNull() && !site.equalsIgnoreCase(named.asText())) {
            throw new ForbiddenException("This client sends for site " + site + ", not '" + named.asText() + "'");
        }
        JsonNode events = body.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw ProblemException.invalid("events", "must be a non-empty array");
        }
        if (events.size() > maxBatch) {
            throw ProblemException.invalid("events", "must have at most " + maxBatch + " events");
        }
        List<JsonNode> list = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (!event.isObject()) {
                throw ProblemException.invalid("events[" + i + "]", "must be a JSON object");
            }
            if (!isUuid(event.get("id"))) {
                // Without an id the event cannot be answered for: the edge gives every event one.
                throw ProblemException.invalid("events[" + i + "].id", "must be a UUID");
            }
            list.add(event);
        }
        return intake.take(site, caller.partnerId(), list, correlation.id()).map(Answer::new);
    }

    private static String siteOf(Caller caller) {
        String site = caller.partnerId().toUpperCase(Locale.ROOT);
        if (!SITE.matcher(site).matches()) {
            throw new ForbiddenException("The token's partner '" + caller.partnerId() + "' is not a site code");
        }
        return site;
    }

    private static boolean isUuid(JsonNode id) {
        if (id == null || !id.isTextual() || id.asText().length() != 36) {
            return false;
        }
        try {
            UUID.fromString(id.asText());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
