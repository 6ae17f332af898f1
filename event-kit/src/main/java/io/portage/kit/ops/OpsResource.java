package io.portage.kit.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.portage.kit.events.Sequencer;
import io.portage.kit.rest.CorrelationContext;
import io.portage.kit.rest.ProblemException;
import io.portage.kit.security.Callers;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * The operations API of a service with the event kit, at {@code /ops}: its consumers' dead letters, the events parked
 * waiting for a predecessor, the exception queue, and the audit trail. Internal: the gateway
 * routes operators (role {@code ops}) here with their own access token, which names them in every audit record.
 */
@Path("/ops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class OpsResource {

    private final DeadLetters deadLetters;
    private final Sequencer sequencer;
    private final ExceptionQueue exceptions;
    private final AuditLog audit;
    private final CorrelationContext correlation;
    private final Callers callers;

    public OpsResource(DeadLetters deadLetters, Sequencer sequencer, ExceptionQueue exceptions, AuditLog audit,
            CorrelationContext correlation,
            Callers callers) {
        this.deadLetters = deadLetters;
        this.sequencer = sequencer;
        this.exceptions = exceptions;
        this.audit = audit;
        this.correlation = correlation;
        this.callers = callers;
    }

    /** An optional correction for a replay, and why. */
    @RegisterForReflection
    public record ReplayRequest(@Size(max = 1_000_000) String payload, @Size(max = 500) String comment) {
    }

    /** Which open letters to replay; empty fields match all. */
    @RegisterForReflection
    public record ReplayAllRequest(@Size(max = 100) String consumer, @Size(max = 120) String eventType) {
    }

    /** Why a letter is dropped. */
    @RegisterForReflection
    public record DiscardRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "List dead letters", description = "Oldest first; filter by status, consumer and event type.")
    public Uni<List<DeadLetterView>> list(@QueryParam("status") String status,
            @QueryParam("consumer") @Size(max = 100) String consumer, @QueryParam("type") @Size(max = 120) String type,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Instant now = Instant.now();
        return deadLetters.list(new DeadLetters.Filter(parse(DeadLetter.Status.class, status), consumer, type), limit)
                .map(letters -> letters.stream().map(letter -> DeadLetterView.summary(letter, now)).toList());
    }

    private static <S extends Enum<S>> S parse(Class<S> type, String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, status.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    @GET
    @Path("/dead-letters/{id}")
    @Operation(summary = "Inspect one dead letter", description = "With its original headers and payload.")
    @APIResponse(responseCode = "404", description = "No such dead letter")
    @APIResponse(responseCode = "200", description = "The letter, with its headers and payload", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetterView.class)))
    public Uni<DeadLetterView> get(@PathParam("id") UUID id) {
        return deadLetters.get(id).map(letter -> DeadLetterView.full(letter, Instant.now()));
    }

    @POST
    @Path("/dead-letters/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay one dead letter", description = "Applies it again through its consumer (once, thanks to "
            + "the inbox), with the corrected payload when one is given.")
    @APIResponse(responseCode = "200", description = "Applied; the letter is REPLAYED", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "409", description = "The letter is already replayed or discarded")
    @APIResponse(responseCode = "422", description = "It still cannot be applied; it stays OPEN with the new reason")
    public Uni<DeadLetterView> replay(@PathParam("id") UUID id,
            @Valid ReplayRequest body) {
        String operator = callers.current().requireOperator().actor();
        return deadLetters.replay(id, operator, body == null ? null : body.payload(), correlation.id())
                .map(letter -> DeadLetterView.full(letter, Instant.now()));
    }

    @POST
    @Path("/dead-letters/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay open dead letters", description = "Every open letter matching the filter, oldest first, "
            + "at most " + DeadLetters.MAX_REPLAY + " per call; answers how many were applied and which still fail.")
    public Uni<DeadLetters.ReplayReport> replayAll(@Valid ReplayAllRequest body) {
        String operator = callers.current().requireOperator().actor();
        ReplayAllRequest filter = body == null ? new ReplayAllRequest(null, null) : body;
        return deadLetters.replayAll(new DeadLetters.Filter(null, filter.consumer(), filter.eventType()), operator,
                correlation.id());
    }

    @POST
    @Path("/dead-letters/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discard one dead letter", description = "Closes it without applying it; the reason is audited.")
    @APIResponse(responseCode = "409", description = "The letter is already replayed or discarded")
    @APIResponse(responseCode = "200", description = "Discarded", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetterView.class)))
    public Uni<DeadLetterView> discard(@PathParam("id") UUID id,
            @NotNull @Valid DiscardRequest body) {
        String operator = callers.current().requireOperator().actor();
        return deadLetters.discard(id, operator, body.reason(), correlation.id())
                .map(letter -> DeadLetterView.full(letter, Instant.now()));
    }

    /** An event parked until its predecessor arrives. */
    @RegisterForReflection
    public record ParkedEventView(String consumer, String subject, long sequence, String eventId, String type,
            Instant parkedAt, long ageSeconds) {
    }

    @GET
    @Path("/parked-events")
    @Operation(summary = "Events waiting for their predecessor", description = "Oldest first. An event waits here when "
            + "it arrived before an earlier event of the same aggregate, and is applied when that one comes.")
    public Uni<List<ParkedEventView>> parked(@QueryParam("consumer") @Size(max = 100) String consumer,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Instant now = Instant.now();
        return sequencer.parked(consumer, limit)
                .map(events -> events.stream()
                        .map(event -> new ParkedEventView(event.consumer(), event.subject(), event.sequence(),
                                event.eventId(), event.type(), event.parkedAt(),
                                Duration.between(event.parkedAt(), now).toSeconds()))
                        .toList());
    }

    /** How an exception was settled. */
    @RegisterForReflection
    public record ResolveRequest(@NotBlank @Size(max = 1000) String resolution) {
    }

    @GET
    @Path("/exceptions")
    @Operation(summary = "List exception-queue items", description = "Oldest first; filter by status, type and owner role.")
    public Uni<List<ExceptionView>> exceptions(@QueryParam("status") String status,
            @QueryParam("type") @Size(max = 80) String type, @QueryParam("owner") @Size(max = 60) String owner,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Instant now = Instant.now();
        return exceptions.list(new ExceptionQueue.Filter(parse(ExceptionItem.Status.class, status), type, owner), limit)
                .map(items -> items.stream().map(item -> ExceptionView.of(item, now)).toList());
    }

    @GET
    @Path("/exceptions/{id}")
    @Operation(summary = "One exception-queue item")
    @APIResponse(responseCode = "404", description = "No such item")
    @APIResponse(responseCode = "200", description = "The item", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExceptionView.class)))
    public Uni<ExceptionView> exception(@PathParam("id") UUID id) {
        return exceptions.get(id).map(item -> ExceptionView.of(item, Instant.now()));
    }

    @POST
    @Path("/exceptions/{id}/retry")
    @Operation(summary = "Retry the automation", description = "After the cause is fixed: 200 RETRIED when it now "
            + "succeeds, 422 when it still fails (the item stays OPEN with the error).")
    @APIResponse(responseCode = "409", description = "The item is closed, or its type cannot be retried here")
    @APIResponse(responseCode = "422", description = "Still failing")
    @APIResponse(responseCode = "200", description = "Retried: the automation now succeeds", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExceptionView.class)))
    public Uni<ExceptionView> retryException(@PathParam("id") UUID id) {
        String operator = callers.current().requireOperator().actor();
        return exceptions.retry(id, operator, correlation.id()).map(item -> ExceptionView.of(item, Instant.now()));
    }

    @POST
    @Path("/exceptions/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close as settled outside the automation", description = "The resolution is audited.")
    @APIResponse(responseCode = "409", description = "The item is closed")
    @APIResponse(responseCode = "200", description = "Resolved", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExceptionView.class)))
    public Uni<ExceptionView> resolveException(@PathParam("id") UUID id,
            @NotNull @Valid ResolveRequest body) {
        String operator = callers.current().requireOperator().actor();
        return exceptions.resolve(id, operator, body.resolution(), correlation.id())
                .map(item -> ExceptionView.of(item, Instant.now()));
    }

    @POST
    @Path("/exceptions/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close without settling", description = "The reason is audited.")
    @APIResponse(responseCode = "409", description = "The item is closed")
    @APIResponse(responseCode = "200", description = "Discarded", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExceptionView.class)))
    public Uni<ExceptionView> discardException(@PathParam("id") UUID id,
            @NotNull @Valid DiscardRequest body) {
        String operator = callers.current().requireOperator().actor();
        return exceptions.discard(id, operator, body.reason(), correlation.id())
                .map(item -> ExceptionView.of(item, Instant.now()));
    }

    @GET
    @Path("/audit")
    @Operation(summary = "The audit trail", description = "Newest first; target e.g. dead-letter:<id>.")
    public Uni<List<AuditView>> audit(@QueryParam("target") @Size(max = 200) String target,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audit.latest(target, limit).map(records -> records.stream().map(AuditView::of).toList());
    }
}
