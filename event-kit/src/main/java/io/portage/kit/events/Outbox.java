package io.portage.kit.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Stages canonical events in the transactional outbox. Call {@link #stage} inside the transaction that changes the
 * aggregate: the event is committed with the change or not at all, and {@link OutboxRelay} publishes it to Kafka
 * afterwards, however long Kafka is away. The events of a transaction are inserted at its flush, in the order they
 * were staged, in JDBC batches (one round trip for up to {@code portage.outbox.stage-batch-size} of them). A consumer
 * that publishes an event per item of a large batch uses {@link #stageAll} instead: one statement, no entity per event.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final OutboxConfig config;
    private final Clock clock = Clock.systemUTC();

    public Outbox(OutboxRepository outbox, ObjectMapper json, OutboxConfig config) {
        this.outbox = outbox;
        this.json = json;
        this.config = config;
    }

    /** Adds the event to the current transaction; its id is returned for causation and logs. */
    public Uni<UUID> stage(EventType type, Object data, EventEnvelope envelope) {
        if (!type.dataClass().isInstance(data)) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException(type.type() + " carries "
                            + type.dataClass().getSimpleName() + ", not " + data.getClass().getSimpleName()));
        }
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Cannot serialize " + type.type(), e));
        }
        UUID eventId = UUID.randomUUID();
        OutboxEvent event = new OutboxEvent(eventId, type.type(), type.topic(), envelope.source().toString(),
                envelope.subject(), envelope.sequence(), envelope.correlationId(), envelope.partnerId(), envelope.time(),
                payload, clock.instant(), EventTracing.currentContext());
        Context context = Vertx.currentContext();
        return outbox.getSession().chain(session -> {
            Integer batch = session.getBatchSize();
            if (batch == null || batch < config.stageBatchSize()) {
                session.setBatchSize(config.stageBatchSize());
            }
            return session.persist(event);
        }).chain(() -> resumeOn(context, eventId));
    }

    /** One event to stage with {@link #stageAll}: its type, its data and its envelope. */
    public record Staged(EventType type, Object data, EventEnvelope envelope) {
    }

    /**
     * Adds many events to the current transaction in one statement, in this order, after whatever was staged before
     * (the session is flushed first, so the relay's order stays the staging order); their ids, in the same order.
     * Same outcome as {@link #stage} for each, without an entity per event in the session: for a batch of hundreds.
     */
    public Uni<List<UUID>> stageAll(List<Staged> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = events.size();
        String[][] c = new String[12][n];
        List<UUID> ids = new ArrayList<>(n);
        Instant now = clock.instant();
        Map<String, String> trace = EventTracing.currentContext();
        for (int i = 0; i < n; i++) {
            Staged event = events.get(i);
            if (!event.type().dataClass().isInstance(event.data())) {
                return Uni.createFrom()
                        .failure(new IllegalArgumentException(event.type().type() + " carries "
                                + event.type().dataClass().getSimpleName() + ", not "
                                + event.data().getClass().getSimpleName()));
            }
            UUID eventId = UUID.randomUUID();
            ids.add(eventId);
            EventEnvelope envelope = event.envelope();
            c[0][i] = eventId.toString();
            c[1][i] = event.type().type();
            c[2][i] = event.type().topic();
            c[3][i] = envelope.source().toString();
            c[4][i] = envelope.subject();
            c[5][i] = Long.toString(envelope.sequence());
            c[6][i] = envelope.correlationId();
            c[7][i] = envelope.partnerId();
            c[8][i] = envelope.time().toString();
            try {
                c[9][i] = json.writeValueAsString(event.data());
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(new IllegalStateException("Cannot serialize " + event.type().type(), e));
            }
            c[10][i] = trace.get(EventTracing.TRACEPARENT);
            c[11][i] = trace.get(EventTracing.TRACESTATE);
        }
        return outbox.getSession()
                .chain(session -> session.flush()
                        .chain(() -> session.createNativeQuery(STAGE_ALL)
                                .setParameter("ids", c[0])
                                .setParameter("types", c[1])
                                .setParameter("topics", c[2])
                                .setParameter("sources", c[3])
                                .setParameter("subjects", c[4])
                                .setParameter("sequences", c[5])
                                .setParameter("correlations", c[6])
                                .setParameter("partners", c[7])
                                .setParameter("times", c[8])
                                .setParameter("payloads", c[9])
                                .setParameter("parents", c[10])
                                .setParameter("states", c[11])
                                .setParameter("now", now)
                                .executeUpdate()))
                .replaceWith(ids);
    }

    private static final String STAGE_ALL = """
            insert into {h-schema}outbox_event (event_id, type, topic, source, subject, sequence, correlation_id,
                partner_id, occurred_at, payload, created_at, trace_parent, trace_state)
            select cast(e.id as uuid), e.type, e.topic, e.source, e.subject, cast(e.sequence as bigint), e.correlation,
                e.partner, cast(e.occurred as timestamptz), e.payload, :now, e.parent, e.state
            from unnest(cast(:ids as varchar[]), cast(:types as varchar[]), cast(:topics as varchar[]),
                cast(:sources as varchar[]), cast(:subjects as varchar[]), cast(:sequences as varchar[]),
                cast(:correlations as varchar[]), cast(:partners as varchar[]), cast(:times as varchar[]),
                cast(:payloads as text[]), cast(:parents as varchar[]), cast(:states as varchar[]))
                with ordinality as e(id, type, topic, source, subject, sequence, correlation, partner, occurred, payload,
                    parent, state, n)
            order by e.n""";

    /**
     * The persist completes at once (the insert waits for the flush), so a caller chaining hundreds of stages one
     * inside the other would nest them all on one stack; going on from the context's next turn keeps the stack flat.
     */
    private static Uni<UUID> resumeOn(Context context, UUID eventId) {
        if (context == null) {
            return Uni.createFrom().item(eventId);
        }
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> emitter.complete(eventId)));
    }
}
