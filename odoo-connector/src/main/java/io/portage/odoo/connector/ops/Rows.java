package io.portage.odoo.connector.ops;

import java.util.ArrayList;
import java.util.List;

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
