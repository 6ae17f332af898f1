package io.portage.edge.rest;

import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.portage.edge.domain.Priority;
import io.portage.edge.service.EventRules;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One scanner or WMS event as posted to {@code /api/v1/events}: {@code id} optional (a UUID, assigned at the edge if
 * absent), {@code priority} optional ({@code NORMAL}), the rest required; {@link EventRules} checks it. The payload
 * must be a JSON object and is kept as its text.
 */
@RegisterForReflection
public record EventRequest(
        String id,
        String type,
        String key,
        Priority priority,
        @JsonDeserialize(using = IsoInstant.class) Instant occurredAt,
        @JsonDeserialize(using = JsonObjectText.class) String payload) {
}
