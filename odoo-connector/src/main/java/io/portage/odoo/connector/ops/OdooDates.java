package io.portage.odoo.connector.ops;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Odoo's datetime strings, {@code "YYYY-MM-DD HH:MM:SS"} in UTC without a zone, to and from {@link Instant}. */
public final class OdooDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OdooDates() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** Parses Odoo's string; {@code null}, empty or {@code false} (an unset field) give {@code null}. */
    public static Instant parse(String value) {
        if (value == null || value.isBlank() || "false".equals(value)) {
            return null;
        }
        String trimmed = value.length() > 19 ? value.substring(0, 19) : value;
        if (trimmed.length() == 10) {
            trimmed = trimmed + " 00:00:00";
        }
        return LocalDateTime.parse(trimmed, FORMAT).toInstant(ZoneOffset.UTC);
    }
}
