package io.portage.finance.service;

import java.time.LocalDate;

/**
 * Odoo holds no rate of a currency dated on or before a day: Odoo would convert at its oldest rate or at 1:1 without a
 * word, so Portage posts nothing in that currency for that day.
 */
public class NoExchangeRateException extends RuntimeException {

    public NoExchangeRateException(String currency, LocalDate day) {
        super("no exchange rate for " + currency + " on " + day + " in Odoo");
    }
}
