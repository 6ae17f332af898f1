package io.portage.edge.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.portage.edge.domain.Priority;
import io.portage.edge.service.EdgeIntakeService;

/**
 * Checks one event that came as text (a CSV line of the drop folder, a line of the TCP protocol) by the rules of
 * {@code POST /api/v1/events}; a broken field is an {@link IllegalArgumentException} naming it.
 */
final class InputEvents {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");
    private static final Pattern ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private InputEvents() {
    }

    static EdgeIntakeService.Incoming of(ObjectMapper json, String id, String type, String key, String priority,
            String occurredAt, String payload, int maxPayloadBytes) {
        if (id != null && !id.isBlank() && !ID.matcher(id.strip()).matches()) {
            throw new IllegalArgumentException("id: must be a UUID");
        }
        if (type == null || type.isBlank() || type.length() > 100 || !TYPE.matcher(type.strip()).matches()) {
            throw new IllegalArgumentException("type: must be lower-case and dotted, like scan.pick.confirmed");
        }
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new IllegalArgumentException("key: must not be blank (at most 100 characters)");
        }
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
            when = Instant.parse(occurredAt == null ? "" : occurredAt.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurredAt: must be an ISO-8601 instant like 2026-11-23T08:00:00Z");
        }
        String body = payload == null || payload.isBlank() ? "{}" : payload;
        if (body.length() > maxPayloadBytes) {
            throw new IllegalArgumentException("payload: is larger than " + maxPayloadBytes + " bytes");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload: is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("payload: must be a JSON object");
        }
        return new EdgeIntakeService.Incoming(id == null || id.isBlank() ? null : id.strip().toLowerCase(Locale.ROOT),
                type.strip(), key.strip(), parsedPriority, when, node.toString());
    }

    /** A stable id for an event that came without one, so a file dropped again gives duplicates, not new events. */
    static String derivedId(String source, long line, String text) {
        return UUID.nameUUIDFromBytes((source + '\n' + line + '\n' + text).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
