package io.portage.edge.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.portage.edge.domain.DeadLetter;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One dead letter as {@code GET /api/v1/dead-letters} lists it: the event, why the gateway rejected it, and when. */
@RegisterForReflection
public record DeadLetterView(UUID id, String type, String key, String priority, Instant occurredAt,
        Instant receivedAt, @JsonRawValue String payload, String reason, Instant rejectedAt) {

    static DeadLetterView of(DeadLetter letter) {
        return new DeadLetterView(letter.event().id(), letter.event().type(), letter.event().key(),
                letter.event().priority().name(), letter.event().occurredAt(), letter.event().receivedAt(),
                letter.event().payload(), letter.reason(), letter.rejectedAt());
    }
}
