package io.portage.odoo.connector.ops;

import java.math.BigDecimal;

/**
 * One line of an {@code account.move}: either an invoice line (a product id or a label, a quantity, a unit price, and
 * optionally the account to book it on; in the move's currency) or a journal item of a journal entry (an account with a
 * debit or a credit in the company currency, or with an amount in another currency, {@code amount_currency}, positive
 * for a debit, that Odoo converts at its rate of the entry's date). The factories make one or the other; a mix is
 * refused.
 */
public record MoveLine(Long productId, String label, BigDecimal quantity, BigDecimal priceUnit, Long accountId,
        BigDecimal debit, BigDecimal credit, String currency, BigDecimal amountCurrency) {

    public MoveLine {
        if (amountCurrency != null || currency != null) {
            if (currency == null || currency.isBlank() || amountCurrency == null || amountCurrency.signum() == 0) {
                throw new IllegalArgumentException("a line in another currency needs its ISO code and a non-zero "
                        + "amount in it (line " + label + ")");
            }
            if (debit != null || credit != null) {
                throw new IllegalArgumentException("a line in another currency gives its amount in that currency, not "
                        + "a debit or credit: Odoo converts it (line " + label + ")");
            }
        }
        if (journalItem(debit, credit, amountCurrency)) {
            if (accountId == null || accountId <= 0) {
                throw new IllegalArgumentException("a debit or credit line needs an account id");
            }
            if (productId != null || quantity != null || priceUnit != null) {
                throw new IllegalArgumentException(
                        "a debit or credit line takes no product, quantity or unit price (line " + label + ")");
            }
            if (debit != null && debit.signum() < 0 || credit != null && credit.signum() < 0) {
                throw new IllegalArgumentException("debit and credit cannot be negative (line " + label + ")");
            }
            if (debit != null && credit != null && debit.signum() != 0 && credit.signum() != 0) {
                throw new IllegalArgumentException("a line is a debit or a credit, not both (line " + label + ")");
            }
        } else {
            if (productId == null && (label == null || label.isBlank())) {
                throw new IllegalArgumentException("an invoice line needs a product id or a label");
            }
            if (productId != null && productId <= 0 || accountId != null && accountId <= 0) {
                throw new IllegalArgumentException("product and account ids are positive (line " + label + ")");
            }
            if (quantity == null) {
                throw new IllegalArgumentException("an invoice line needs a quantity (line " + label + ")");
            }
        }
    }

    /** A line without currency amount (an invoice line, or a journal item in the company currency). */
    public MoveLine(Long productId, String label, BigDecimal quantity, BigDecimal priceUnit, Long accountId,
            BigDecimal debit, BigDecimal credit) {
        this(productId, label, quantity, priceUnit, accountId, debit, credit, null, null);
    }

    /** An invoice line for an Odoo product; a null unit price lets Odoo take the product's price. */
    public static MoveLine product(long productId, BigDecimal quantity, BigDecimal priceUnit) {
        return new MoveLine(productId, null, quantity, priceUnit, null, null, null);
    }

    /** An invoice line without a product, e.g. "Freight Rotterdam - Lyon"; booked on the journal's default account. */
    public static MoveLine label(String label, BigDecimal quantity, BigDecimal priceUnit) {
        return new MoveLine(null, label, quantity, priceUnit, null, null, null);
    }

    /** A debit of a journal entry on an account, in the company currency. */
    public static MoveLine debit(long accountId, String label, BigDecimal amount) {
        return new MoveLine(null, label, null, null, accountId, amount, BigDecimal.ZERO);
    }

    /** A credit of a journal entry on an account, in the company currency. */
    public static MoveLine credit(long accountId, String label, BigDecimal amount) {
        return new MoveLine(null, label, null, null, accountId, BigDecimal.ZERO, amount);
    }

    /**
     * A debit of a journal entry of {@code amount} in {@code currency} (ISO code): Odoo books its company-currency
     * balance at its rate of the entry's date.
     */
    public static MoveLine debitIn(long accountId, String label, String currency, BigDecimal amount) {
        return inCurrency(accountId, label, currency, amount, false);
    }

    /** A credit of a journal entry of {@code amount} in {@code currency}; see {@link #debitIn}. */
    public static MoveLine creditIn(long accountId, String label, String currency, BigDecimal amount) {
        return inCurrency(accountId, label, currency, amount, true);
    }

    private static MoveLine inCurrency(long accountId, String label, String currency, BigDecimal amount,
            boolean credit) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("an amount in currency is positive (line " + label + ")");
        }
        return new MoveLine(null, label, null, null, accountId, null, null, currency, credit
                ? amount.negate()
                : amount);
    }

    /** This invoice line booked on another account than Odoo would choose (the product's or the journal's). */
    public MoveLine withAccount(long account) {
        return new MoveLine(productId, label, quantity, priceUnit, account, debit, credit, currency, amountCurrency);
    }

    /** This line with a label (an invoice line with a product otherwise shows the product's name). */
    public MoveLine withLabel(String text) {
        return new MoveLine(productId, text, quantity, priceUnit, accountId, debit, credit, currency, amountCurrency);
    }

    /** Whether this is a journal item (debit or credit) rather than an invoice line. */
    public boolean journalItem() {
        return journalItem(debit, credit, amountCurrency);
    }

    private static boolean journalItem(BigDecimal debit, BigDecimal credit, BigDecimal amountCurrency) {
        return debit != null || credit != null || amountCurrency != null;
    }
}
