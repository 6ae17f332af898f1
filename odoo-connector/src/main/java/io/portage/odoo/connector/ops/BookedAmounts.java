package io.portage.odoo.connector.ops;

import java.math.BigDecimal;

/**
 * What Odoo booked for a posted move, read back from its lines: the amount in the document's or lines' currency, the
 * same amount in the company currency (debits of an entry, product lines of an invoice), and the rate between them
 * (an invoice's {@code invoice_currency_rate}; for an entry, amount in currency / company amount, to 6 decimals).
 */
public record BookedAmounts(long moveId, String currency, BigDecimal amount, String companyCurrency,
        BigDecimal companyAmount, BigDecimal rate) {
}
