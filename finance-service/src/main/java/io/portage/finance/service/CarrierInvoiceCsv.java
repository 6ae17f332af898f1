package io.portage.finance.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.portage.finance.domain.InvoiceLine;
import io.portage.finance.domain.Lane;

/**
 * Reads the carrier invoice CSV (finance-service/README.md): a header row naming {@link #COLUMNS} in that order, then
 * one row per invoice line, the rows of one invoice (carrier + invoice number) agreeing on its date and currency.
 * Anything unreadable is refused naming the row and column; nothing of a refused file is kept.
 */
public final class CarrierInvoiceCsv {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("carrier", "invoice_number", "invoice_date", "currency", "line",
            "tracking_number", "ship_date", "origin", "destination", "service", "declared_weight_kg", "billed_weight_kg",
            "freight", "fuel", "accessorials", "total");
    private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{N} ._/#&()+-]{1,100}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{1,40}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,4})?");

    private CarrierInvoiceCsv() {
    }

    public static List<ReceivedInvoice> read(String content) {
        String[] rows = content.split("\r?\n", -1);
        if (rows.length == 0 || !header(rows[0]).equals(COLUMNS)) {
            throw new InvalidCarrierInvoiceException("row 1", "the header must be " + String.join(",", COLUMNS));
        }
        Map<String, Builder> invoices = new LinkedHashMap<>();
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            Row row = new Row(i + 1, rows[i].split(",", -1));
            String carrier = row.text("carrier");
            String number = row.text("invoice_number");
            Builder invoice = invoices.computeIfAbsent(carrier + "\u0000" + number,
                    key -> new Builder(carrier, number, row.date("invoice_date"), row.currency()));
            if (!invoice.date.equals(row.date("invoice_date")) || !invoice.currency.equals(row.currency())) {
                throw row.invalid("invoice_date", "the rows of invoice " + number + " differ in its date or currency");
            }
            invoice.add(row);
        }
        if (invoices.isEmpty()) {
            throw new InvalidCarrierInvoiceException("row 2", "the file holds no invoice line");
        }
        return invoices.values().stream().map(Builder::build).toList();
    }

    private static List<String> header(String row) {
        return List.of(row.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*", -1));
    }

    /** One data row and its number in the file. */
    private record Row(int number, String[] cells) {

        Row {
            if (cells.length != COLUMNS.size()) {
                throw new InvalidCarrierInvoiceException("row " + number, "has " + cells.length + " columns, not "
                        + COLUMNS.size() + " (no quoting: values hold no commas)");
            }
        }

        String cell(String column) {
            return cells[COLUMNS.indexOf(column)].trim();
        }

        InvalidCarrierInvoiceException invalid(String column, String message) {
            return new InvalidCarrierInvoiceException("row " + number + ", " + column, message);
        }

        String text(String column) {
            String value = cell(column);
            if (!TEXT.matcher(value).matches()) {
                throw invalid(column, "must be 1 to 100 letters, digits, spaces or ._/#&()+-");
            }
            return value;
        }

        LocalDate date(String column) {
            try {
                return LocalDate.parse(cell(column));
            } catch (DateTimeParseException e) {
                throw invalid(column, "must be a date such as 2026-03-15");
            }
        }

        String currency() {
            String value = cell("currency");
            try {
                if (value.matches("[A-Z]{3}") && Currency.getInstance(value) != null) {
                    return value;
                }
            } catch (IllegalArgumentException e) {
                // refused below
            }
            throw invalid("currency", "must be an ISO 4217 code such as EUR");
        }

        BigDecimal amount(String column, boolean positive) {
            String value = cell(column);
            if (!DECIMAL.matcher(value).matches() || positive && new BigDecimal(value).signum() == 0) {
                throw invalid(column, positive ? "must be a positive decimal number" : "must be a decimal number, 0 or more");
            }
            return new BigDecimal(value);
        }

        String country(String column) {
            String value = cell(column);
            if (!COUNTRY.matcher(value).matches()) {
                throw invalid(column, "must be an ISO 3166-1 alpha-2 code such as NL");
            }
            return value;
        }

        Map<String, BigDecimal> accessorials() {
            Map<String, BigDecimal> charges = new LinkedHashMap<>();
            String value = cell("accessorials");
            if (value.isEmpty()) {
                return charges;
            }
            for (String charge : value.split(";")) {
                String[] parts = charge.split("=", -1);
                if (parts.length != 2 || !CODE.matcher(parts[0].trim()).matches()
                        || !DECIMAL.matcher(parts[1].trim()).matches()
                        || charges.put(parts[0].trim(), new BigDecimal(parts[1].trim())) != null) {
                    throw invalid("accessorials", "must be CODE=amount pairs separated by ';', each code once "
                            + "(e.g. LIFTGATE=25.00;RESIDENTIAL=4.50)");
                }
            }
            return charges;
        }

        InvoiceLine line() {
            int line;
            try {
                line = Integer.parseInt(cell("line"));
            } catch (NumberFormatException e) {
                line = 0;
            }
            if (line < 1) {
                throw invalid("line", "must be a positive whole number");
            }
            String service = cell("service");
            if (!service.isEmpty() && !CODE.matcher(service).matches()) {
                throw invalid("service", "must be a service code of up to 40 capitals, digits, _ or -");
            }
            InvoiceLine parsed = new InvoiceLine(line, text("tracking_number"), date("ship_date"),
                    new Lane(country("origin"), country("destination")), service.isEmpty() ? null : service,
                    amount("declared_weight_kg", true), amount("billed_weight_kg", true), amount("freight", false),
                    amount("fuel", false), accessorials(), amount("total", false));
            if (!parsed.addsUp()) {
                throw invalid("total", "must be freight + fuel + accessorials");
            }
            return parsed;
        }
    }

    /** An invoice being read. */
    private static final class Builder {

        final String carrier;
        final String number;
        final LocalDate date;
        final String currency;
        final List<InvoiceLine> lines = new ArrayList<>();
        final Set<Integer> lineNumbers = new HashSet<>();

        Builder(String carrier, String number, LocalDate date, String currency) {
            this.carrier = carrier;
            this.number = number;
            this.date = date;
            this.currency = currency;
        }

        void add(Row row) {
            InvoiceLine line = row.line();
            if (!lineNumbers.add(line.lineNumber())) {
                throw row.invalid("line", "invoice " + number + " has line " + line.lineNumber() + " twice");
            }
            lines.add(line);
        }

        ReceivedInvoice build() {
            return new ReceivedInvoice(carrier, number, date, currency, lines);
        }
    }
}
