package io.portage.gateway.edge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.contracts.EventCatalog;
import io.portage.contracts.EventType;
import io.portage.contracts.warehouse.PackConfirmed;
import io.portage.contracts.warehouse.PickConfirmed;
import io.portage.contracts.warehouse.ReceiptLineConfirmed;

/**
 * Turns a warehouse's edge event into the canonical event it stands for, or says why it cannot: the anti-corruption
 * layer between scanners' payloads and the contracts. The checks are the contracts' schemas, so nothing the gateway
 * accepts is refused further on. Pure: no I/O, no clock.
 *
 * <ul>
 * <li>{@code scan.pick.confirmed}, key = the order id: {@code lines} [{lineNumber, sku, quantity, location}], or one
 * line given at the top level; {@code pickerId} optional. Becomes {@code io.portage.warehouse.pick-confirmed.v1}.
 * <li>{@code scan.pack.confirmed}, key = the order id: {@code parcels} [{sscc, weightKg, lines [{sku, quantity}]}],
 * or one parcel at the top level. Becomes {@code io.portage.warehouse.pack-confirmed.v1}.
 * <li>{@code scan.receipt.confirmed}, key = the receipt id: {lineNumber, sku, expectedQuantity, receivedQuantity,
 * shortQuantity (0), damagedQuantity (0), appointmentId (optional)}. Becomes
 * {@code io.portage.warehouse.receipt-line-confirmed.v1}.
 * </ul>
 */
public final class EdgeEventMapper {

    /** The edge event types the gateway takes, and the canonical type each becomes. */
    public static final Map<String, EventType> TYPES = Map.of(
            "scan.pick.confirmed", EventCatalog.PICK_CONFIRMED_V1,
            "scan.pack.confirmed", EventCatalog.PACK_CONFIRMED_V1,
            "scan.receipt.confirmed", EventCatalog.RECEIPT_LINE_CONFIRMED_V1);

    private static final Pattern SSCC = Pattern.compile("[0-9]{18}");
    private static final int MAX_KEY = 200;

    private EdgeEventMapper() {
    }

    /** The canonical event of one edge event: its type, aggregate (subject) and data. */
    public record Canonical(EventType type, String subject, Object data, Instant occurredAt) {
    }

    /** What an edge event became: a canonical event, or the reason it is refused for good. */
    public sealed interface Outcome permits Mapped, Refused {
    }

    public record Mapped(Canonical event) implements Outcome {
    }

    public record Refused(String reason) implements Outcome {
    }

    /** Thrown inside the mapping with the field path and what is wrong; turned into {@link Refused}. */
    private static final class Invalid extends RuntimeException {

        Invalid(String path, String message) {
            super(path + " " + message, null, false, false);
        }
    }

    /** Maps one event of site {@code site} (a site code such as {@code WH1}). */
    public static Outcome map(String site, JsonNode event) {
        try {
            String type = text(event, "type", "type", 100);
            EventType canonical = TYPES.get(type);
            if (canonical == null) {
                return new Refused("type '" + type + "' is not taken by the gateway; it takes " + TYPES.keySet()
                        .stream()
                        .sorted()
                        .toList());
            }
            String key = text(event, "key", "key", MAX_KEY);
            Instant occurredAt = instant(event, "occurredAt", "occurredAt");
            JsonNode payload = event.get("payload");
            if (payload == null || !payload.isObject()) {
                throw new Invalid("payload", "must be a JSON object");
            }
            Object data = switch (type) {
                case "scan.pick.confirmed" -> pick(site, uuid(key, "key"), payload, occurredAt);
                case "scan.pack.confirmed" -> pack(site, uuid(key, "key"), payload, occurredAt);
                default -> receipt(site, key, payload, occurredAt);
            };
            return new Mapped(new Canonical(canonical, key, data, occurredAt));
        } catch (Invalid e) {
            return new Refused(e.getMessage());
        }
    }

    private static PickConfirmed pick(String site, String orderId, JsonNode payload, Instant at) {
        List<PickConfirmed.Line> lines = new ArrayList<>();
        if (payload.has("lines")) {
            JsonNode array = array(payload, "lines", "payload.lines", 500);
            for (int i = 0; i < array.size(); i++) {
                lines.add(pickLine(array.get(i), "payload.lines[" + i + "]"));
            }
        } else {
            lines.add(pickLine(payload, "payload"));
        }
        String picker = optionalText(payload, "pickerId", "payload.pickerId", 64);
        return new PickConfirmed(orderId, site, List.copyOf(lines), picker, at);
    }

    private static PickConfirmed.Line pickLine(JsonNode line, String path) {
        return new PickConfirmed.Line(lineNumber(line, path, line.has("lineNumber") ? null : 1),
                text(line, "sku", path + ".sku", 64), positive(line, "quantity", path + ".quantity"),
                text(line, "location", path + ".location", 32));
    }

    private static PackConfirmed pack(String site, String orderId, JsonNode payload, Instant at) {
        List<PackConfirmed.Parcel> parcels = new ArrayList<>();
        if (payload.has("parcels")) {
            JsonNode array = array(payload, "parcels", "payload.parcels", 200);
            for (int i = 0; i < array.size(); i++) {
                parcels.add(parcel(array.get(i), "payload.parcels[" + i + "]"));
            }
        } else {
            parcels.add(parcel(payload, "payload"));
        }
        return new PackConfirmed(orderId, site, List.copyOf(parcels), at);
    }

    private static PackConfirmed.Parcel parcel(JsonNode parcel, String path) {
        String sscc = text(parcel, "sscc", path + ".sscc", 18);
        if (!SSCC.matcher(sscc).matches()) {
            throw new Invalid(path + ".sscc", "must be an 18-digit SSCC");
        }
        JsonNode array = array(parcel, "lines", path + ".lines", 500);
        List<PackConfirmed.Line> lines = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String linePath = path + ".lines[" + i + "]";
            lines.add(new PackConfirmed.Line(text(array.get(i), "sku", linePath + ".sku", 64),
                    positive(array.get(i), "quantity", linePath + ".quantity")));
        }
        return new PackConfirmed.Parcel(sscc, positive(parcel, "weightKg", path + ".weightKg"), List.copyOf(lines));
    }

    private static ReceiptLineConfirmed receipt(String site, String receiptId, JsonNode payload, Instant at) {
        if (receiptId.length() > 64) {
            throw new Invalid("key", "must be a receipt id of at most 64 characters");
        }
        String appointment = optionalText(payload, "appointmentId", "payload.appointmentId", 36);
        return new ReceiptLineConfirmed(receiptId, site, appointment == null
                ? null
                : uuid(appointment,
                        "payload.appointmentId"),
                lineNumber(payload, "payload", null), text(payload, "sku", "payload.sku", 64),
                positive(payload, "expectedQuantity", "payload.expectedQuantity"),
                notNegative(payload, "receivedQuantity", "payload.receivedQuantity", false),
                notNegative(payload, "shortQuantity", "payload.shortQuantity", true),
                notNegative(payload, "damagedQuantity", "payload.damagedQuantity", true), at);
    }

    // ---- field readers, each naming the path it refuses ------------------------------------------------------------

    private static String text(JsonNode node, String field, String path, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Invalid(path, "is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new Invalid(path, "must be a non-blank string");
        }
        String text = value.asText();
        if (text.length() > maxLength) {
            throw new Invalid(path, "must be at most " + maxLength + " characters");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new Invalid(path, "must not contain NUL characters");
        }
        return text;
    }

    private static String optionalText(JsonNode node, String field, String path, int maxLength) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(node, field, path, maxLength);
    }

    private static String uuid(String text, String path) {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text).toString();
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new Invalid(path, "must be a UUID");
    }

    private static Instant instant(JsonNode node, String field, String path) {
        String text = text(node, field, path, 64);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Invalid(path, "must be an ISO-8601 instant such as 2026-11-23T08:00:00Z");
        }
    }

    private static JsonNode array(JsonNode node, String field, String path, int maxItems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new Invalid(path, "must be a non-empty array");
        }
        if (value.size() > maxItems) {
            throw new Invalid(path, "must have at most " + maxItems + " items");
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                throw new Invalid(path + "[" + i + "]", "must be a JSON object");
            }
        }
        return value;
    }

    private static int lineNumber(JsonNode node, String path, Integer fallback) {
        JsonNode value = node.get("lineNumber");
        if ((value == null || value.isNull()) && fallback != null) {
            return fallback;
        }
        if (value == null || !value.canConvertToExactIntegral() || value.asLong() < 1 || value.asLong() > 9999) {
            throw new Invalid(path + ".lineNumber", "must be a whole number from 1 to 9999");
        }
        return value.asInt();
    }

    private static BigDecimal positive(JsonNode node, String field, String path) {
        BigDecimal number = number(node, field, path);
        if (number.signum() <= 0) {
            throw new Invalid(path, "must be greater than 0");
        }
        return number;
    }

    private static BigDecimal notNegative(JsonNode node, String field, String path, boolean zeroIfAbsent) {
        JsonNode value = node.get(field);
        if ((value == null || value.isNull()) && zeroIfAbsent) {
            return BigDecimal.ZERO;
        }
        BigDecimal number = number(node, field, path);
        if (number.signum() < 0) {
            throw new Invalid(path, "must not be negative");
        }
        return number;
    }

    private static BigDecimal number(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Invalid(path, "is required");
        }
        if (!value.isNumber()) {
            throw new Invalid(path, "must be a number");
        }
        BigDecimal number = value.decimalValue();
        if (number.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0 || number.scale() > 6) {
            throw new Invalid(path, "must be below 1,000,000,000 with at most 6 decimals");
        }
        return number;
    }
}
