package io.portage.testsupport.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Values a client sends by mistake or on purpose into a parameter: control characters, what a URI cannot hold, NUL,
 * 10,000 characters, non-UUIDs, numbers out of range, unicode, SQL and JSON metacharacters; chosen by a seeded random.
 */
public final class HostileValues {

    /** Every value, decoded: the harness percent-encodes them for a path or query string. */
    static final List<String> TEXT = List.of(
            "\u0000", "a\u0000b", "\u0007\u001b\u007f", "\t\r\n", " ", "a b", "\"", "<script>", "{", "|", "\\", "^",
            "`", "%", "%25", "%00", "x".repeat(10_000), "é中文😀", "\uFFFF", "\u202Eevil", "' OR '1'='1", "'; drop table x; --",
            "\"}]{\"a\":", "null", "[]", "{}", "${jndi:ldap://x/a}", "../../etc/passwd", "not-a-uuid",
            "00000000-0000-0000-0000-00000000000g", "-1", "0", "-2147483649", "2147483648", "9223372036854775808",
            "-9223372036854775809", "1e309", "NaN", "-0.0", "1.5", "true", "2026-13-45", "2026-02-30T25:61:00Z", "*", "?", "#",
            "&x=1", "=", ";", ",", "'", "\uD83D");

    /** Values a header can carry on the wire (no control characters or raw NUL). */
    static final List<String> HEADER = TEXT.stream()
            .filter(value -> value.chars().noneMatch(c -> c < 0x20 || c == 0x7f) && value.chars().allMatch(c -> c < 0x100))
            .toList();

    private HostileValues() {
    }

    /** Up to {@code count} hostile values for a parameter, in an order fixed by {@code random}. */
    static List<String> pick(List<String> from, int count, Random random) {
        List<String> values = new ArrayList<>(from);
        Collections.shuffle(values, random);
        return values.subList(0, Math.min(count, values.size()));
    }

    /** A value the parameter's schema accepts, for the parameters a request is not fuzzing. */
    static String valid(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return "x";
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0).asText();
        }
        if (schema.has("default")) {
            return schema.get("default").asText();
        }
        String type = schema.path("type").asText("string");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "integer", "number" -> {
                long low = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                long high = schema.has("maximum") ? schema.get("maximum").asLong() : Long.MAX_VALUE;
                yield Long.toString(Math.min(Math.max(low, 1), high));
            }
            case "boolean" -> "true";
            default -> switch (format) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> "2026-03-15";
                case "date-time" -> "2026-03-15T08:00:00Z";
                default -> "x";
            };
        };
    }
}
