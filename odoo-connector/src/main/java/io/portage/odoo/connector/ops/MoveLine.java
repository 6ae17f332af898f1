package io.portage.odoo.connector.ops;

import java.math.BigDecimal;

/**
 * One line of an {@code account.move}: either an invoice line (a product id or a label, a quantity, a unit price, and
 * optionally the account to book it on) or a journal item of a journal entry (an account with a debit or a credit, in
 * the company currency). The factories make one or the other; a mix is refused.
 */
public record MoveLine(Long productId, String label, BigDecimal quantity, BigDecimal priceUnit, Long accountId,
        BigDecimal debit, BigDecimal credit) {

    public MoveLine {
        if (journalItem(debit, credit)) {
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

    /** This invoice line booked on another account than Odoo would choose (the product's or the journal's). */
    public MoveLine withAccount(long account) {
        return new MoveLine(productId, label, quantity, priceUnit, account, debit, credit);
    }

    /** This line with a label (an invoice line with a product otherwise shows the product's name). */
    public MoveLine withLabel(String text) {
        return new MoveLine(productId, text, quantity, priceUnit, accountId, debit, credit);
    }

    /** Whether this is a journal item (debit or credit) rather than an invoice line. */
    public boolean journalItem() {
        return journalItem(debit, credit);
    }

    private static boolean journalItem(BigDecimal debit, BigDecimal credit) {
        return debit != null || credit != null;
    }
}
