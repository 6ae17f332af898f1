package io.portage.edge.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.edge.domain.Priority;
import io.portage.edge.domain.Timestamps;
import io.portage.edge.service.EdgeIntakeService;
import io.portage.edge.service.EventRules;

/**
 * Reads one event that came as text (a CSV line of the drop folder, a line of the TCP protocol) and checks it by
 * {@link EventRules}, the rules of {@code POST /api/v1/events}; a broken field is an {@link IllegalArgumentException}
 * naming it.
 */
final class InputEvents {

    private InputEvents() {
    }

    static EdgeIntakeService.Incoming of(ObjectMapper json, String id, String type, String key, String priority,
            String occurredAt, String payload, int maxPayloadBytes) {
        String givenId = id == null || id.isBlank() ? null : id.strip();
        String strippedType = type == null ? null : type.strip();
        String strippedKey = key == null ? null : key.strip();
        check("id", EventRules.id(givenId));
        check("type", EventRules.type(strippedType));
        check("key", EventRules.key(strippedKey));
        Priority parsedPriority;
        try {
            parsedPriority = priority == null || priority.isBlank()
                    ? Priority.NORMAL
                    : Priority.valueOf(priority.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("priority: must be GATE, DISPATCH, NORMAL or TELEMETRY");
        }
        Instant when;
        try {
            when = Timestamps.parse(occurredAt == null ? "" : occurredAt.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurredAt: must be an ISO-8601 instant like 2026-11-23T08:00:00Z");
        }
        String body = payload == null || payload.isBlank() ? "{}" : payload;
        check("payload", EventRules.payload(body, maxPayloadBytes));
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload: is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("payload: must be a JSON object");
        }
        return new EdgeIntakeService.Incoming(givenId == null ? null : givenId.toLowerCase(Locale.ROOT), strippedType,
                strippedKey, parsedPriority, when, node.toString());
    }

    private static void check(String field, String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(field + ": " + problem);
        }
    }

    /** A stable id for an event that came without one, so a file dropped again gives duplicates, not new events. */
    static String derivedId(String source, long line, String text) {
        return UUID.nameUUIDFromBytes((source + '\n' + line + '\n' + text).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
