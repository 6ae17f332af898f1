package io.portage.odoo.connector.ops;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Odoo's rate from the company currency to {@code currency} on {@code date} ({@code _get_conversion_rate}): units of
 * {@code currency} for one unit of {@code companyCurrency}, and where Odoo took it from.
 *
 * @param rateDate the date of the rate Odoo uses (null when it has none)
 * @param source   {@link Source#DATED} a rate dated on or before the date; {@link Source#OLDEST} none that old, so Odoo
 *                 takes the oldest it has; {@link Source#NONE} no rate at all, so Odoo converts at 1:1;
 *                 {@link Source#COMPANY_CURRENCY} the currency is the company's (1)
 */
public record ExchangeRate(String currency, String companyCurrency, LocalDate date, BigDecimal rate,
        LocalDate rateDate, Source source) {

    /** Where Odoo's rate comes from. */
    public enum Source {
        DATED, OLDEST, NONE, COMPANY_CURRENCY
    }

    /** Whether Odoo holds a rate dated on or before the date (or needs none): the only rate Portage posts with. */
    public boolean known() {
        return source == Source.DATED || source == Source.COMPANY_CURRENCY;
    }
}
