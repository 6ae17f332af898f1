package io.portage.kit.events;

import java.time.Clock;
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
 * were staged, in JDBC batches (one round trip for up to {@code portage.outbox.stage-batch-size} of them).
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
