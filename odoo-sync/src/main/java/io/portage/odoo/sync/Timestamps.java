package io.portage.odoo.sync;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** PostgreSQL's text form of a {@code timestamp} ({@code 2026-11-23 08:14:05[.123456]}) to {@link LocalDateTime}. */
final class Timestamps {

    private static final DateTimeFormatter POSTGRES = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    static LocalDateTime parse(String text) {
        return LocalDateTime.parse(text, POSTGRES);
    }
}
