package io.portage.odoo.standin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Odoo's exchange rates after {@code res_currency.py}: the rate of a currency on a date ({@code _get_rates}), the
 * conversion rate between two currencies ({@code _get_conversion_rate}) and rounding to a currency's precision.
 */
final class Currencies {

    /** The stand-in's one company, which is also the root company rates belong to. */
    static final int COMPANY = 1;

    private Currencies() {
    }

    /** {@code res.company} 1's {@code currency_id}. */
    static int companyCurrency(Orm orm) {
        return (Integer) orm.row("res.company", COMPANY).get("currency_id");
    }

    /**
     * Units of the currency for one unit of the company currency on {@code date}: the newest rate dated on or before it
     * of the company or of no company (the company's first), else the oldest such rate, else 1.0 (Odoo converts at 1:1
     * a currency without rates).
     */
    static double rate(Orm orm, Integer currencyId, String date) {
        Comparator<Map<String, Object>> companyFirst = Comparator.comparing(r -> r.get("company_id") == null);
        List<Map<String, Object>> rates = orm.rows("res.currency.rate")
                .stream()
                .filter(r -> Objects.equals(r.get("currency_id"), currencyId)
                        && (r.get("company_id") == null || Objects.equals(r.get("company_id"), COMPANY)))
                .toList();
        return rates.stream()
                .filter(r -> r.get("name").toString().compareTo(date) <= 0)
                .min(companyFirst.thenComparing(r -> r.get("name").toString(), Comparator.reverseOrder()))
                .or(() -> rates.stream().min(companyFirst.thenComparing(r -> r.get("name").toString())))
                .map(r -> ((Number) r.get("rate")).doubleValue())
                .orElse(1.0);
    }

    /** {@code _get_conversion_rate(from, to, company, date)}: {@code to.rate / from.rate} on that date. */
    static double conversion(Orm orm, Integer from, Integer to, String date) {
        if (Objects.equals(from, to)) {
            return 1.0;
        }
        return rate(orm, to, date) / rate(orm, from, date);
    }

    /** The conversion rate from the company currency to {@code currencyId} on {@code date}. */
    static double fromCompany(Orm orm, Integer currencyId, String date) {
        return conversion(orm, companyCurrency(orm), currencyId, date);
    }

    /** {@code res.currency.round}: half-up to the currency's rounding (0.01 unless set otherwise). */
    static double round(Orm orm, Integer currencyId, double value) {
        Map<String, Object> currency = currencyId == null ? null : orm.row("res.currency", currencyId);
        double rounding = currency == null || currency.get("rounding") == null
                ? 0.01
                : ((Number) currency.get("rounding")).doubleValue();
        BigDecimal step = BigDecimal.valueOf(rounding);
        return BigDecimal.valueOf(value)
                .divide(step, 0, RoundingMode.HALF_UP)
                .multiply(step)
                .doubleValue();
    }

    /** {@code round} in the company currency. */
    static double roundCompany(Orm orm, double value) {
        return round(orm, companyCurrency(orm), value);
    }

    /** {@code _check_company_currency_stays_active}: a currency a company uses cannot be archived. */
    static void checkStaysActive(Orm orm, Model model, Map<String, Object> updated) {
        if (model.name.equals("res.currency") && Boolean.FALSE.equals(updated.get("active")) && orm.rows("res.company")
                .stream()
                .anyMatch(company -> Objects.equals(company.get("currency_id"), updated.get("id")))) {
            throw OdooError.userError("This currency is set on a company and therefore cannot be deactivated.");
        }
    }
}
