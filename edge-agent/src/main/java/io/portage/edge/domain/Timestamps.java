package io.portage.edge.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 instants on the intake and storage paths, where {@link DateTimeFormatter} costs more than the SQLite insert
 * of the event they belong to. {@link #parse} reads {@code 2026-11-23T08:00:00Z}, with up to nine fraction digits and
 * {@code Z} or an offset such as {@code +01:00}, by hand and leaves every other form to {@link Instant#parse}, so it
 * accepts and refuses exactly what {@code Instant.parse} does. {@link #fixedWidth} writes the store's form: always
 * nine fraction digits, so that stored instants sort as text.
 */
public final class Timestamps {

    private static final DateTimeFormatter FIXED_WIDTH = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final char[] TEMPLATE = "0000-00-00T00:00:00.000000000Z".toCharArray();
    private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private Timestamps() {
    }

    /**
     * The instant {@code text} names.
     *
     * @throws java.time.format.DateTimeParseException as {@link Instant#parse} would
     */
    public static Instant parse(CharSequence text) {
        Instant instant = parseCommonForm(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /** The instant for the common forms; {@code null} for anything else, valid or not. */
    public static Instant parseCommonForm(CharSequence text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || (text.charAt(10) != 'T' && text.charAt(10) != 't')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 10 && isDigit(text.charAt(at))) {
                nanos = nanos * 10 + (text.charAt(at++) - '0');
            }
            int fraction = at - start;
            if (fraction == 0 || fraction > 9) {
                return null;
            }
            nanos *= SCALE[fraction];
        }
        int offsetSeconds;
        char zone = at < length ? text.charAt(at) : ' ';
        if ((zone == 'Z' || zone == 'z') && at + 1 == length) {
            offsetSeconds = 0;
        } else if ((zone == '+' || zone == '-') && at + 6 == length && text.charAt(at + 3) == ':') {
            int offsetHours = digits(text, at + 1, 2);
            int offsetMinutes = digits(text, at + 4, 2);
            if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59
                    || offsetHours * 3600 + offsetMinutes * 60 > 18 * 3600) {
                return null;
            }
            offsetSeconds = (zone == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanos);
    }

    /** {@code uuuu-MM-ddTHH:mm:ss.nnnnnnnnnZ}, 30 characters for the years 0 to 9999. */
    public static String fixedWidth(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return FIXED_WIDTH.format(instant);
        }
        char[] text = TEMPLATE.clone();
        put(text, 0, year, 4);
        put(text, 5, time.getMonthValue(), 2);
        put(text, 8, time.getDayOfMonth(), 2);
        put(text, 11, time.getHour(), 2);
        put(text, 14, time.getMinute(), 2);
        put(text, 17, time.getSecond(), 2);
        put(text, 20, time.getNano(), 9);
        return new String(text);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The number in {@code count} digits from {@code from}, or -1. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void put(char[] text, int from, int value, int count) {
        for (int i = from + count - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
