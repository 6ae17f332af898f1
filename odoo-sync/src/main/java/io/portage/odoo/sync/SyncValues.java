package io.portage.odoo.sync;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Native query results to Java values, whatever type the reactive driver hands back for a timestamp column. */
final class SyncValues {

    private SyncValues() {
    }

    /** A {@code timestamptz} as an instant, a {@code timestamp} (Odoo's write_date, UTC) as the instant it means. */
    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case ZonedDateTime zoned -> zoned.toInstant();
            case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            case java.util.Date date -> date.toInstant();
            case String text -> Timestamps.parse(text).toInstant(ZoneOffset.UTC);
            default -> throw new IllegalArgumentException("Not a timestamp: " + value.getClass().getName());
        };
    }

    static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
