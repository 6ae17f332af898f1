package io.portage.kit.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.rest.ProblemException;
import io.portage.kit.security.Caller;
import io.portage.kit.security.Callers;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * The exception queue of a service at {@code /ops/exceptions}: operators (role {@code ops}) see and settle every item,
 * anyone else only the items owned by a realm role they hold (finance its disputes, warehouse its receipt discrepancies
 * and appointments at risk); the event kit's HTTP policy {@code exception-owners} admits these roles, and each call here
 * checks the item's owner. Every action is audited with the person's name.
 */
@Path("/ops/exceptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class ExceptionResource {

    private final ExceptionQueue exceptions;
    private final AuditLog audit;
    private final CorrelationContext correlation;
    private final Callers callers;

    public ExceptionResource(ExceptionQueue exceptions, AuditLog audit, CorrelationContext correlation,
            Callers callers) {
        this.exceptions = exceptions;
        this.audit = audit;
        this.correlation = correlation;
        this.callers = callers;
    }

    /** How an exception was settled. */
    @RegisterForReflection
    public record ResolveRequest(@NotBlank @Size(max = 1000) String resolution) {
    }

    /** An optional comment on a retry, for the audit trail. */
    @RegisterForReflection
    public record RetryRequest(String comment) {
    }

    private static final int MAX_COMMENT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @GET
    @Operation(summary = "List exception-queue items", description = "Oldest first; filter by status, type, owner role "
            + "and age. A caller who is not an operator sees only the items their roles own.")
    @APIResponse(responseCode = "403", description = "The owner asked for is not one of the caller's roles")
    @APIResponse(responseCode = "200", description = "The items, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ExceptionView.class)))
    public Uni<List<ExceptionView>> list(@QueryParam("status") String status,
            @QueryParam("type") @Size(max = 80) String type, @QueryParam("owner") @Size(max = 60) String owner,
            @QueryParam("minAgeMinutes") @Min(0) @Max(525_600) Integer minAgeMinutes,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Caller caller = callers.person();
        if (owner != null && !owner.isBlank()) {
            caller.requireOwner(owner);
        }
        Instant now = Instant.now();
        ExceptionQueue.Filter filter = new ExceptionQueue.Filter(OpsResource.parse(ExceptionItem.Status.class, status),
                blankToNull(type), blankToNull(owner),
                caller.operator() ? null : caller.roles(),
                minAgeMinutes == null ? null : now.minus(Duration.ofMinutes(minAgeMinutes)));
        return exceptions.list(filter, limit)
                .map(items -> items.stream().map(item -> ExceptionView.of(item, now, caller.roles())).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One exception-queue item")
    @APIResponse(responseCode = "403", description = "The item is owned by a role the caller does not hold")
    @APIResponse(responseCode = "404", description = "No such item")
    @APIResponse(responseCode = "200", description = "The item", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExceptionView.class)))
    public Uni<ExceptionView> exception(@PathParam("id") UUID id) {
        Caller caller = callers.person();
        return owned(id, caller).map(item -> ExceptionView.of(item, Instant.now(), caller.roles()));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "What people and the automation did to one item", description = "Its audit records, newest first.")
    @APIResponse(responseCode = "403", description = "The item is owned by a role the caller does not hold")
    @APIResponse(responseCode = "404", description = "No such item")
    @APIResponse(responseCode = "200", description = "The item's audit records, newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AuditView.class)))
    public Uni<List<AuditView>> history(@PathParam("id") UUID id) {
        Caller caller = callers.person();
        return owned(id, caller).chain(item -> audit.latest("exception:" + id, 200))
                .map(records -> records.stream().map(AuditView::of).toList());
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Retry the automation", description = "After the cause is fixed: 200 RETRIED when it now "
            + "succeeds, 422 when it still fails (the item stays OPEN with the error). An optional comment is audited.")
    @APIResponse(responseCode = "409", description = "The item is closed, or its type cannot be retried here")
    @APIResponse(responseCode = "422", description = "Still failing")
    @APIResponse(responseCode = "200", description = "Retried: the automation now succeeds", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExceptionView.class)))
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetryRequest.class)))
    public Uni<ExceptionView> retry(@PathParam("id") UUID id, String body) {
        String comment = comment(body);
        return act(id, person -> exceptions.retry(id, person, comment, correlation.id()));
    }

    /** The retry's comment from an optional JSON body (a retry without a body is how automation calls it). */
    private static String comment(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        RetryRequest request;
        try {
            request = JSON.readValue(body, RetryRequest.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "must be a JSON object like {\"comment\": \"...\"}");
        }
        if (request.comment() != null && request.comment().length() > MAX_COMMENT) {
            throw ProblemException.invalid("comment", "size must be at most " + MAX_COMMENT);
        }
        return request.comment();
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close as settled outside the automation", description = "The resolution is audited.")
    @APIResponse(responseCode = "409", description = "The item is closed")
    @APIResponse(responseCode = "200", description = "Resolved", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExceptionView.class)))
    public Uni<ExceptionView> resolve(@PathParam("id") UUID id, @NotNull @Valid ResolveRequest body) {
        return act(id, person -> exceptions.resolve(id, person, body.resolution(), correlation.id()));
    }

    @POST
    @Path("/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close without settling", description = "The reason is audited.")
    @APIResponse(responseCode = "409", description = "The item is closed")
    @APIResponse(responseCode = "200", description = "Discarded", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExceptionView.class)))
    public Uni<ExceptionView> discard(@PathParam("id") UUID id, @NotNull @Valid OpsResource.DiscardRequest body) {
        return act(id, person -> exceptions.discard(id, person, body.reason(), correlation.id()));
    }

    /** Checks the caller owns the item, then acts on it as that person. */
    private Uni<ExceptionView> act(UUID id, Function<String, Uni<ExceptionItem>> action) {
        Caller caller = callers.person();
        return owned(id, caller).chain(item -> action.apply(caller.actor()))
                .map(item -> ExceptionView.of(item, Instant.now(), caller.roles()));
    }

    private Uni<ExceptionItem> owned(UUID id, Caller caller) {
        return exceptions.get(id).invoke(item -> caller.requireOwner(item.ownerRole()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
