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
 * waiting for a predecessor, and the audit trail ({@link ExceptionResource} serves the exception queue). Internal: the
 * gateway routes operators (role {@code ops}) here with their own access token, which names them in every audit record.
 */
@Path("/ops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class OpsResource {

    private final DeadLetters deadLetters;
    private final Sequencer sequencer;
    private final AuditLog audit;
    private final CorrelationContext correlation;
    private final Callers callers;

    public OpsResource(DeadLetters deadLetters, Sequencer sequencer, AuditLog audit, CorrelationContext correlation,
            Callers callers) {
        this.deadLetters = deadLetters;
        this.sequencer = sequencer;
        this.audit = audit;
        this.correlation = correlation;
        this.callers = callers;
    }

    /** An optional correction for a replay, and why. */
    @RegisterForReflection
    public record ReplayRequest(@Size(max = 1_000_000) String payload, @Size(max = 500) String comment) {
    }

    /**
     * Which open letters to replay; empty fields match all. With {@code dryRun} nothing is replayed: the answer says how
     * many would be, through which consumers, with a sample.
     */
    @RegisterForReflection
    public record ReplayAllRequest(@Size(max = 100) String consumer, @Size(max = 120) String eventType,
            @Size(max = 200) String topic, @Size(max = 200) String key, @Size(max = 200) String error, Boolean dryRun) {

        DeadLetters.Filter filter() {
            return new DeadLetters.Filter(DeadLetter.Status.OPEN, consumer, eventType, topic, key, error);
        }
    }

    /** Why a letter or an exception item is dropped. */
    @RegisterForReflection
    public record DiscardRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "List dead letters", description = "Oldest first; filter by status, consumer, event type, topic "
            + "record key (e.g. an order id) and a text in the error.")
    public Uni<List<DeadLetterView>> list(@QueryParam("status") String status,
            @QueryParam("consumer") @Size(max = 100) String consumer, @QueryParam("type") @Size(max = 120) String type,
            @QueryParam("topic") @Size(max = 200) String topic, @QueryParam("key") @Size(max = 200) String key,
            @QueryParam("error") @Size(max = 200) String error,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Instant now = Instant.now();
        return deadLetters
                .list(new DeadLetters.Filter(parse(DeadLetter.Status.class, status), consumer, type, topic, key, error), limit)
                .map(letters -> letters.stream().map(letter -> DeadLetterView.summary(letter, now)).toList());
    }

    static <S extends Enum<S>> S parse(Class<S> type, String status) {
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
            + "at most " + DeadLetters.MAX_REPLAY + " per call; answers how many were applied and which still fail. With "
            + "dryRun true nothing is replayed: the answer is how many would be, per consumer, and a sample.")
    @APIResponse(responseCode = "200", description = "What the replay did (ReplayReport), or would do (ReplayPreview)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {
            DeadLetters.ReplayReport.class, DeadLetters.ReplayPreview.class})))
    public Uni<?> replayAll(@Valid ReplayAllRequest body) {
        String operator = callers.current().requireOperator().actor();
        ReplayAllRequest request = body == null ? new ReplayAllRequest(null, null, null, null, null, false) : body;
        if (Boolean.TRUE.equals(request.dryRun())) {
            return deadLetters.preview(request.filter(), Instant.now());
        }
        return deadLetters.replayAll(request.filter(), operator, correlation.id());
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

    @GET
    @Path("/audit")
    @Operation(summary = "The audit trail", description = "Newest first; target e.g. dead-letter:<id>.")
    public Uni<List<AuditView>> audit(@QueryParam("target") @Size(max = 200) String target,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audit.latest(target, limit).map(records -> records.stream().map(AuditView::of).toList());
    }
}
