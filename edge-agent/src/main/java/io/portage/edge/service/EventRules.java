package io.portage.edge.service;

import java.util.List;
import java.util.regex.Pattern;

import io.portage.kit.rest.Problem;

/**
 * What makes an event acceptable, the same for all three inputs (HTTP, drop folder, line protocol): an optional UUID
 * id, a lower-case dotted type and a business key of at most 100 characters, when it happened, and a JSON object
 * payload of at most {@code portage.edge.max-payload-bytes}. Written out rather than declared for Bean Validation:
 * this runs for every event on the intake path, where reflective validation cost as much as the SQLite insert.
 */
public final class EventRules {

    public static final int MAX_TEXT = 100;

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");
    private static final String[] FIELDS = {"id", "type", "key", "occurredAt", "payload"};

    private EventRules() {
    }

    /** What is wrong with an event id, or {@code null}; no id is fine (the edge assigns one). */
    public static String id(String id) {
        return id == null || UUID_TEXT.matcher(id).matches() ? null : "must be a UUID";
    }

    public static String type(String type) {
        if (type == null || type.isBlank()) {
            return "must not be blank";
        }
        if (type.length() > MAX_TEXT) {
            return "must be at most " + MAX_TEXT + " characters";
        }
        return TYPE.matcher(type).matches() ? null : "must be lower-case and dotted, like scan.pick.confirmed";
    }

    public static String key(String key) {
        if (key == null || key.isBlank()) {
            return "must not be blank";
        }
        return key.length() > MAX_TEXT ? "must be at most " + MAX_TEXT + " characters" : null;
    }

    /** What is wrong with a payload already known to be a JSON object (or absent), or {@code null}. */
    public static String payload(String payloadJson, int maxBytes) {
        if (payloadJson == null) {
            return "must not be null";
        }
        return utf8Length(payloadJson) > maxBytes ? "is larger than " + maxBytes + " bytes" : null;
    }

    /**
     * Adds a violation for each broken field of the {@code index}th event, named by {@code prefixFormat} and the field
     * ({@code ""} for a single event, {@code "[%d]."} for an event of a batch: {@code [3].occurredAt}).
     */
    public static void check(EdgeIntakeService.Incoming event, String prefixFormat, int index, int maxPayloadBytes,
            List<Problem.Violation> violations) {
        String[] messages = {id(event.id()), type(event.type()), key(event.key()),
                event.occurredAt() == null ? "must not be null" : null, payload(event.payloadJson(), maxPayloadBytes)};
        for (int i = 0; i < messages.length; i++) {
            if (messages[i] != null) {
                violations.add(new Problem.Violation(prefixFormat.formatted(index) + FIELDS[i], messages[i]));
            }
        }
    }

    /** Bytes of {@code text} in UTF-8, without encoding it. */
    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
