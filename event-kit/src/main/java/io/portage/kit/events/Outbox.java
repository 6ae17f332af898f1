package io.portage.kit.events;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.contracts.EventType;
import io.smallrye.mutiny.Uni;

/**
 * Stages canonical events in the transactional outbox. Call {@link #stage} inside the transaction that changes the
 * aggregate: the event is committed with the change or not at all, and {@link OutboxRelay} publishes it to Kafka
 * afterwards, however long Kafka is away.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public Outbox(OutboxRepository outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
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
        return outbox.persist(event).replaceWith(eventId);
    }
}
