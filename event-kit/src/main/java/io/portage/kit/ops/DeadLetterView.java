package io.portage.kit.ops;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A dead letter as the operations API shows it; {@code headers}, {@code payload} and {@code correctedPayload} only in
 * the single-letter view.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(UUID id, String consumer, String topic, int partition, long offset, String key,
        String eventId, String eventType, String reason, int attempts, DeadLetter.Status status, Instant createdAt,
        Instant updatedAt, long ageSeconds, String resolvedBy, Map<String, String> headers, String payload,
        String correctedPayload) {

    static DeadLetterView summary(DeadLetter letter, Instant now) {
        return of(letter, now, false);
    }

    static DeadLetterView full(DeadLetter letter, Instant now) {
        return of(letter, now, true);
    }

    private static DeadLetterView of(DeadLetter letter, Instant now, boolean full) {
        return new DeadLetterView(letter.id(), letter.consumer(), letter.coordinates().topic(),
                letter.coordinates().partition(), letter.coordinates().offset(), letter.key(), letter.eventId(),
                letter.eventType(), letter.reason(), letter.attempts(), letter.status(), letter.createdAt(),
                letter.updatedAt(), letter.age(now).toSeconds(), letter.resolvedBy(), full ? letter.headerMap() : null,
                full ? letter.payload() : null, full ? letter.correctedPayload() : null);
    }
}
