package io.portage.odoo.connector.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the values Odoo answers: id lists, many2one pairs, {@code false} for empty, and checking references given. */
final class Rows {

    private Rows() {
    }

    static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    /**
     * The ids a {@code create} of a list of values answered (in the order of the values; one bare id for one value), by
     * the key each value was made for; an answer of another length is refused.
     */
    static <K> Map<K, Long> createdByKey(String model, List<K> keys, JsonNode created) {
        List<Long> ids = created.isNumber() ? List.of(created.asLong()) : ids(created);
        if (ids.size() != keys.size()) {
            throw new IllegalStateException("Odoo created " + ids.size() + " " + model + " records for " + keys.size());
        }
        Map<K, Long> byKey = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byKey.put(keys.get(i), ids.get(i));
        }
        return byKey;
    }

    /** A many2one read as {@code [id, "name"]} (or a bare id), null when {@code false}. */
    static Long id(JsonNode many2one) {
        if (many2one.isArray()) {
            return many2one.path(0).asLong();
        }
        return many2one.isNumber() ? many2one.asLong() : null;
    }

    static String text(JsonNode value) {
        return value.isNull() || value.isMissingNode() || value.isBoolean() ? null : value.asText();
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
