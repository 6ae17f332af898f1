package io.portage.odoo.sync;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.ops.OdooDates;

/**
 * One record as Odoo's {@code read}/{@code search_read} returns it, read the way Odoo writes values: {@code false} for
 * an empty field, {@code [id, "Display Name"]} for a many2one, a list of ids for an x2many, {@code "YYYY-MM-DD
 * HH:MM:SS"} (UTC) for a datetime.
 */
record OdooRow(JsonNode node) {

    long id() {
        return node.path("id").asLong();
    }

    /** When Odoo last wrote the record, UTC; every followed record has one. */
    LocalDateTime writeDate() {
        Instant instant = OdooDates.parse(string("write_date"));
        if (instant == null) {
            throw new IllegalArgumentException("Record " + id() + " has no write_date");
        }
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    String string(String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.isBoolean() || value.asText().isEmpty()
                ? null
                : value.asText();
    }

    boolean bool(String field) {
        return node.path(field).asBoolean(false);
    }

    Long many2oneId(String field) {
        JsonNode value = node.path(field);
        return value.isArray() && !value.isEmpty() ? value.get(0).asLong() : null;
    }

    String many2oneName(String field) {
        JsonNode value = node.path(field);
        return value.isArray() && value.size() > 1 ? value.get(1).asText() : null;
    }

    List<Long> ids(String field) {
        List<Long> ids = new ArrayList<>();
        node.path(field).forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    Instant instant(String field) {
        return OdooDates.parse(string(field));
    }

    LocalDate date(String field) {
        String value = string(field);
        return value == null ? null : LocalDate.parse(value.substring(0, 10));
    }

    /** A monetary or float field as a decimal with 2 to 4 fraction digits. */
    BigDecimal decimal(String field) {
        JsonNode value = node.path(field);
        BigDecimal amount = value.isNumber() ? new BigDecimal(value.asText()).stripTrailingZeros() : BigDecimal.ZERO;
        return amount.setScale(Math.min(4, Math.max(2, amount.scale())), RoundingMode.HALF_EVEN);
    }
}
