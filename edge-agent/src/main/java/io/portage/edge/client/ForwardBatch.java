package io.portage.edge.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body the edge posts to the gateway's {@code /api/v1/edge/events}: the site and the events in the order to apply
 * them (arrival order within every key).
 */
@RegisterForReflection
public record ForwardBatch(String site, List<Event> events) {

    /** One event as forwarded; {@code payload} is the JSON object the scanner or WMS sent, unchanged. */
    @RegisterForReflection
    public record Event(UUID id, String type, String key, String priority, Instant occurredAt, Instant receivedAt,
            @JsonRawValue String payload) {
    }
}
