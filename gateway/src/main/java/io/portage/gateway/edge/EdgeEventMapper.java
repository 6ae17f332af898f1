package io.portage.gateway.edge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
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
import io.portage.contracts.warehouse.YardScanRecorded;
import io.portage.contracts.warehouse.YardScanRecorded.Movement;

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
 * <li>Gate, yard and dock scans, key = the visit id (the gate's ticket for the truck's visit, at most 64 characters,
 * on every scan of the visit): {@code scan.gate.in} {trailerNumber, appointmentRef or confirmationNumber (none: an
 * unplanned visit), carrier, driver, sealNumber}, {@code scan.yard.spot} {yardSpot}, {@code scan.dock.door-assigned}
 * {door}, {@code scan.dock.unloading-started}, {@code scan.dock.unloading-completed}, {@code scan.dock.loading-started},
 * {@code scan.dock.loading-completed} {door optional}, {@code scan.yard.swap} {swappedTrailerNumber: the trailer the
 * truck leaves with}, {@code scan.gate.out} {sealNumber optional}. Each becomes
 * {@code io.portage.warehouse.yard-scan-recorded.v1} with its movement.
 * </ul>
 */
public final class EdgeEventMapper {

    /** The edge event types the gateway takes, and the canonical type each becomes. */
    public static final Map<String, EventType> TYPES;

    /** The gate, yard and dock scans, and the movement each records. */
    static final Map<String, Movement> MOVEMENTS = Map.of(
            "scan.gate.in", Movement.GATE_IN,
            "scan.yard.spot", Movement.YARD_SPOT,
            "scan.dock.door-assigned", Movement.DOOR_ASSIGNED,
            "scan.dock.unloading-started", Movement.UNLOADING_STARTED,
            "scan.dock.unloading-completed", Movement.UNLOADING_COMPLETED,
            "scan.dock.loading-started", Movement.LOADING_STARTED,
            "scan.dock.loading-completed", Movement.LOADING_COMPLETED,
            "scan.yard.swap", Movement.TRAILER_SWAP,
            "scan.gate.out", Movement.GATE_OUT);

    static {
        Map<String, EventType> types = new HashMap<>(Map.of(
                "scan.pick.confirmed", EventCatalog.PICK_CONFIRMED_V1,
                "scan.pack.confirmed", EventCatalog.PACK_CONFIRMED_V1,
                "scan.receipt.confirmed", EventCatalog.RECEIPT_LINE_CONFIRMED_V1));
        MOVEMENTS.keySet().forEach(type -> types.put(type, EventCatalog.YARD_SCAN_RECORDED_V1));
        TYPES = Map.copyOf(types);
    }

    private static final Pattern SSCC = Pattern.compile("[0-9]{18}");
    private static final Pattern DOOR = Pattern.compile("[A-Z0-9-]{1,16}");
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
                case "scan.receipt.confirmed" -> receipt(site, key, payload, occurredAt);
                default -> yardScan(site, key, MOVEMENTS.get(type), payload, occurredAt);
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

    private static YardScanRecorded yardScan(String site, String visitId, Movement movement, JsonNode payload, Instant at) {
        if (visitId.length() > 64) {
            throw new Invalid("key", "must be a visit id of at most 64 characters");
        }
        String appointmentRef = optionalText(payload, "appointmentRef", "payload.appointmentRef", 100);
        String confirmation = optionalText(payload, "confirmationNumber", "payload.confirmationNumber", 100);
        if (appointmentRef != null && confirmation != null && !appointmentRef.equals(confirmation)) {
            throw new Invalid("payload.confirmationNumber", "must not differ from payload.appointmentRef");
        }
        boolean gateIn = movement == Movement.GATE_IN;
        String trailer = gateIn
                ? text(payload, "trailerNumber", "payload.trailerNumber", 32)
                : optionalText(payload, "trailerNumber", "payload.trailerNumber", 32);
        String spot = movement == Movement.YARD_SPOT
                ? text(payload, "yardSpot", "payload.yardSpot", 16)
                : optionalText(payload, "yardSpot", "payload.yardSpot", 16);
        String door = movement == Movement.DOOR_ASSIGNED
                ? text(payload, "door", "payload.door", 16)
                : optionalText(payload, "door", "payload.door", 16);
        if (door != null && !DOOR.matcher(door).matches()) {
            throw new Invalid("payload.door", "must be an upper-case door code");
        }
        String swapped = movement == Movement.TRAILER_SWAP
                ? text(payload, "swappedTrailerNumber", "payload.swappedTrailerNumber", 32)
                : optionalText(payload, "swappedTrailerNumber", "payload.swappedTrailerNumber", 32);
        return new YardScanRecorded(visitId, site, movement, appointmentRef != null ? appointmentRef : confirmation,
                optionalText(payload, "carrier", "payload.carrier", 100),
                optionalText(payload, "driver", "payload.driver", 100),
                trailer, optionalText(payload, "sealNumber", "payload.sealNumber", 32), spot, door, swapped, at);
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
