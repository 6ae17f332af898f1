package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.portage.finance.domain.PayoutLine;

/**
 * Reads a Stripe-style balance transaction export (CSV, RFC 4180 quoting, a header row in any column order): {@code id},
 * {@code type}, {@code source}, {@code amount}, {@code fee}, {@code net}, {@code currency}, {@code created},
 * {@code available_on}, {@code reporting_category}, {@code payout} and the order reference in the metadata column
 * {@code order_id (metadata)} or {@code metadata[order_id]}; other columns are ignored. A file with an unreadable row is
 * refused whole, naming row and column.
 */
public final class PayoutCsv {

    /** The columns a file must have. */
    public static final List<String> REQUIRED = List.of("id", "type", "amount", "fee", "net", "currency", "created");
    /** The metadata key the order reference is read from. */
    public static final String ORDER_METADATA = "order_id";
    private static final String ORDER = "metadata:" + ORDER_METADATA;
    private static final Pattern METADATA = Pattern.compile("metadata\\[(.+)]|(.+) \\(metadata\\)");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,4})?");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");
    private static final Pattern TYPE = Pattern.compile("[a-z_]{1,40}");
    private static final Pattern UNIX = Pattern.compile("\\d{9,11}");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private PayoutCsv() {
    }

    public static List<PayoutLine> read(String content) {
        String[] rows = content.replace("\uFEFF", "").split("\r?\n", -1);
        Map<String, Integer> columns = header(rows[0]);
        List<PayoutLine> lines = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            Row row = new Row(i + 1, cells(rows[i], i + 1), columns);
            PayoutLine line = row.line();
            if (!ids.add(line.id())) {
                throw row.invalid("id", "appears twice in the file");
            }
            lines.add(line);
        }
        if (lines.isEmpty()) {
            throw new InvalidPayoutFileException("row 2", "the file holds no balance transaction");
        }
        return lines;
    }

    private static Map<String, Integer> header(String row) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = cells(row, 1);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim().toLowerCase(Locale.ROOT);
            Matcher metadata = METADATA.matcher(name);
            name = metadata.matches()
                    ? "metadata:" + (metadata.group(1) != null ? metadata.group(1) : metadata.group(2)).trim()
                    : name.replace(" (utc)", "").replace(' ', '_');
            columns.putIfAbsent(name, i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new InvalidPayoutFileException("row 1, " + required, "the header lacks the column '" + required
                        + "' (required: " + String.join(",", REQUIRED) + ")");
            }
        }
        return columns;
    }

    /** The cells of one CSV row: commas separate, double quotes enclose, two double quotes are one. */
    static List<String> cells(String row, int number) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new InvalidPayoutFileException("row " + number, "a quoted value is not closed (values hold no line breaks)");
        }
        cells.add(cell.toString());
        return cells;
    }

    /** One data row, its number in the file and the header's columns. */
    private record Row(int number, List<String> cells, Map<String, Integer> columns) {

        PayoutLine line() {
            String id = required("id", ID);
            String type = required("type", TYPE);
            String currency = cell("currency").toUpperCase(Locale.ROOT);
            if (!currency.matches("[A-Z]{3}") || !isCurrency(currency)) {
                throw invalid("currency", "is not an ISO 4217 currency");
            }
            BigDecimal amount = amount("amount");
            BigDecimal fee = amount("fee");
            BigDecimal net = amount("net");
            if (amount.subtract(fee).compareTo(net) != 0) {
                throw invalid("net", "must be amount - fee");
            }
            String order = optional(ORDER);
            if (order != null && !order.matches("[\\p{L}\\p{N}._:/#-]{1,100}")) {
                throw invalid(ORDER_METADATA + " (metadata)", "is not an order reference");
            }
            return new PayoutLine(number, id, type, optional("source"), amount, fee, net, currency, time("created", true),
                    time("available_on", false), optional("reporting_category"), optional("payout"), order);
        }

        String cell(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                return "";
            }
            if (index >= cells.size()) {
                throw new InvalidPayoutFileException("row " + number, "has " + cells.size() + " columns, fewer than the "
                        + "header's");
            }
            return cells.get(index).trim();
        }

        String optional(String column) {
            String value = cell(column);
            if (value.length() > 255) {
                throw invalid(column, "is longer than 255 characters");
            }
            return value.isEmpty() ? null : value;
        }

        String required(String column, Pattern pattern) {
            String value = cell(column);
            if (!pattern.matcher(value).matches()) {
                throw invalid(column, value.isEmpty() ? "is required" : "is not valid");
            }
            return value;
        }

        BigDecimal amount(String column) {
            String value = cell(column);
            if (!DECIMAL.matcher(value).matches()) {
                throw invalid(column, "must be a decimal amount in the currency's units, e.g. 140.00 or -4.36");
            }
            return new BigDecimal(value);
        }

        Instant time(String column, boolean required) {
            String value = cell(column);
            if (value.isEmpty() && !required) {
                return null;
            }
            try {
                if (UNIX.matcher(value).matches()) {
                    return Instant.ofEpochSecond(Long.parseLong(value));
                }
                if (value.contains("T")) {
                    return Instant.parse(value);
                }
                return LocalDateTime.parse(value, LOCAL).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw invalid(column, "must be a time in UTC: 2026-03-20 10:15[:00], ISO 8601 or Unix seconds");
            }
        }

        InvalidPayoutFileException invalid(String column, String message) {
            return new InvalidPayoutFileException("row " + number + ", " + column, message);
        }

        private static boolean isCurrency(String code) {
            try {
                Currency.getInstance(code);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
