package io.portage.odoo.connector.ops;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.OdooCalls;
import io.portage.odoo.connector.OdooClient;
import io.portage.odoo.connector.error.OdooMissingException;
import io.smallrye.mutiny.Uni;

/**
 * Currencies and exchange rates as Odoo holds them ({@code res.currency}, {@code res.currency.rate},
 * {@code res.company.currency_id}), Odoo's rate of a date by its own rule, and what a posted move booked in the company
 * currency. The fields have the same names in 17, 18 and 19.
 */
public final class CurrencyOperations {

    private static final List<String> CURRENCY_FIELDS = List.of("id", "name", "rounding", "active");
    private static final List<String> RATE_FIELDS = List.of("name", "rate");

    private final OdooClient client;

    CurrencyOperations(OdooClient client) {
        this.client = client;
    }

    /** The currency with this ISO code, an archived one included (its {@code active} says so); none: missing. */
    public Uni<OdooCurrency> currency(String isoCode) {
        Rows.requireText(isoCode, "currency ISO code");
        List<?> domain = List.of(List.of("name", "=", isoCode), List.of("active", "in", List.of(true, false)));
        return calls().searchRead("res.currency", domain, CURRENCY_FIELDS, 0, 1, "id").map(rows -> {
            if (rows.isEmpty()) {
                throw new OdooMissingException("odoo.exceptions.MissingError", "res.currency " + isoCode + " not found");
            }
            return currency(rows.get(0));
        });
    }

    /** The currency of {@code res.company} {@code companyId} ({@code currency_id}). */
    public Uni<OdooCurrency> companyCurrency(long companyId) {
        return calls().read("res.company", List.of(companyId), List.of("currency_id")).chain(rows -> {
            Long currencyId = rows.isEmpty() ? null : Rows.id(rows.get(0).path("currency_id"));
            if (currencyId == null) {
                throw new OdooMissingException("odoo.exceptions.MissingError", "res.company " + companyId
                        + (rows.isEmpty() ? " not found" : " has no currency"));
            }
            return calls().read("res.currency", List.of(currencyId), CURRENCY_FIELDS)
                    .map(currencies -> currency(currencies.get(0)));
        });
    }

    /**
     * Odoo's rate from company {@code companyId}'s currency to {@code isoCode} on {@code date}, by Odoo's rule
     * ({@code res.currency._get_rates}): for each currency, the newest rate dated on or before the date of the company or
     * of no company (the company's first), else the oldest such rate, else 1.0; the rate is the currency's over the
     * company currency's. {@link ExchangeRate#source()} tells a rate of the date from Odoo's fallbacks, which Odoo
     * applies without a word.
     */
    public Uni<ExchangeRate> rate(String isoCode, LocalDate date, long companyId) {
        if (date == null) {
            throw new IllegalArgumentException("the date of the rate is required");
        }
        return companyCurrency(companyId).chain(company -> {
            if (company.code().equals(isoCode)) {
                return Uni.createFrom()
                        .item(new ExchangeRate(isoCode, company.code(), date, BigDecimal.ONE, null,
                                ExchangeRate.Source.COMPANY_CURRENCY));
            }
            return currency(isoCode).chain(currency -> rateOf(currency.id(), date, companyId).chain(to -> rateOf(
                    company.id(), date, companyId).map(
                            from -> new ExchangeRate(isoCode, company.code(), date,
                                    to.rate().divide(from.rate(), MathContext.DECIMAL64), to.date(), to.source()))));
        });
    }

    /** One currency's rate row Odoo uses on a date, with where it came from. */
    private record Rate(BigDecimal rate, LocalDate date, ExchangeRate.Source source) {
    }

    private Uni<Rate> rateOf(long currencyId, LocalDate date, long companyId) {
        List<?> onOrBefore = List.of("name", "<=", date.toString());
        return first(currencyId, companyId, onOrBefore, "name desc")
                .chain(found -> found != null
                        ? Uni.createFrom().item(found)
                        : first(currencyId, false, onOrBefore,
                                "name desc"))
                .map(found -> found == null ? null : rate(found, ExchangeRate.Source.DATED))
                .chain(dated -> dated != null
                        ? Uni.createFrom().item(dated)
                        : first(currencyId, companyId, null, "name asc")
                                .chain(found -> found != null
                                        ? Uni.createFrom().item(found)
                                        : first(currencyId, false,
                                                null, "name asc"))
                                .map(found -> found == null
                                        ? new Rate(BigDecimal.ONE, null, ExchangeRate.Source.NONE)
                                        : rate(found, ExchangeRate.Source.OLDEST)));
    }

    private Uni<JsonNode> first(long currencyId, Object company, List<?> dateClause, String order) {
        List<?> domain = dateClause == null
                ? List.of(List.of("currency_id", "=", currencyId), List.of("company_id", "=", company))
                : List.of(List.of("currency_id", "=", currencyId), List.of("company_id", "=", company), dateClause);
        return calls().searchRead("res.currency.rate", domain, RATE_FIELDS, 0, 1, order)
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    private static Rate rate(JsonNode row, ExchangeRate.Source source) {
        return new Rate(row.path("rate").decimalValue(), LocalDate.parse(row.path("name").asText().substring(0, 10)),
                source);
    }

    /**
     * What posted move {@code moveId} booked, from its lines: an invoice's product lines (amount in its currency, balance
     * in the company currency, its {@code invoice_currency_rate}) or an entry's debit lines.
     */
    public Uni<BookedAmounts> booked(long moveId, long companyId) {
        return booked(List.of(moveId), companyId).map(all -> all.get(moveId));
    }

    /**
     * {@link #booked(long, long)} of many moves in four calls whatever their number: the moves, the company's currency
     * (two) and all their lines. A move Odoo does not hold fails the whole answer ({@link OdooMissingException}).
     */
    public Uni<Map<Long, BookedAmounts>> booked(List<Long> moveIds, long companyId) {
        List<Long> ids = moveIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return calls().read("account.move", ids, List.of("id", "move_type", "currency_id", "invoice_currency_rate"))
                .chain(moves -> {
                    Map<Long, JsonNode> byId = new HashMap<>();
                    moves.forEach(move -> byId.put(move.path("id").asLong(), move));
                    for (Long id : ids) {
                        if (!byId.containsKey(id)) {
                            throw new OdooMissingException("odoo.exceptions.MissingError", "account.move " + id
                                    + " not found");
                        }
                    }
                    return companyCurrency(companyId).chain(company -> calls().searchRead("account.move.line", List.of(
                            List.of("move_id", "in", ids)),
                            List.of("move_id", "display_type", "currency_id",
                                    "amount_currency", "debit", "credit"),
                            0, 0, "id")
                            .map(lines -> {
                                Map<Long, List<JsonNode>> linesOf = new HashMap<>();
                                lines.forEach(line -> linesOf.computeIfAbsent(Rows.id(line.path("move_id")),
                                        id -> new ArrayList<>()).add(line));
                                Map<Long, BookedAmounts> booked = new LinkedHashMap<>();
                                for (Long id : ids) {
                                    JsonNode move = byId.get(id);
                                    booked.put(id, booked(id, move, "entry".equals(move.path("move_type").asText()),
                                            company, linesOf.getOrDefault(id, List.of())));
                                }
                                return booked;
                            }));
                });
    }

    private static BookedAmounts booked(long moveId, JsonNode move, boolean entry, OdooCurrency company,
            List<JsonNode> lines) {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal companyAmount = BigDecimal.ZERO;
        String currency = entry ? null : move.path("currency_id").path(1).asText();
        for (JsonNode line : lines) {
            BigDecimal debit = line.path("debit").decimalValue();
            BigDecimal balance = debit.subtract(line.path("credit").decimalValue());
            if (entry && debit.signum() > 0) {
                amount = amount.add(line.path("amount_currency").decimalValue());
                companyAmount = companyAmount.add(debit);
                currency = currency == null ? line.path("currency_id").path(1).asText() : currency;
            } else if (!entry && "product".equals(line.path("display_type").asText())) {
                amount = amount.add(line.path("amount_currency").decimalValue());
                companyAmount = companyAmount.add(balance);
            }
        }
        amount = amount.abs();
        companyAmount = companyAmount.abs();
        BigDecimal rate = !entry
                ? move.path("invoice_currency_rate").decimalValue()
                : companyAmount.signum() == 0
                        ? null
                        : amount.divide(companyAmount, 6, RoundingMode.HALF_UP);
        return new BookedAmounts(moveId, currency == null ? company.code() : currency, amount, company.code(),
                companyAmount, rate);
    }

    private static OdooCurrency currency(JsonNode row) {
        return new OdooCurrency(row.path("id").asLong(), row.path("name").asText(), row.path("rounding").decimalValue(),
                row.path("active").asBoolean());
    }

    private OdooCalls calls() {
        return client.calls();
    }
}
