package io.portage.odoo.standin;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The two amounts of each journal item, after Odoo's {@code account_move_line.py}: {@code amount_currency} in the line's
 * currency and the balance (debit - credit) in the company currency, one computed from the other at Odoo's rate.
 */
final class MoveAmounts {

    private MoveAmounts() {
    }

    /**
     * Odoo's {@code _inverse_amount_currency} and {@code _compute_amount_currency} on a journal entry's line: in the
     * company currency both amounts are the same; in another, an amount in currency alone gives the balance at the rate
     * of the entry's date, a balance alone gives the amount in currency, and both given are both kept.
     */
    static void ofEntryLine(Orm orm, Map<String, Object> move, Map<String, Object> row, Set<String> given) {
        boolean balanceGiven = given.contains("debit") || given.contains("credit");
        boolean amountGiven = given.contains("amount_currency") && row.get("amount_currency") != null;
        Integer currency = (Integer) row.get("currency_id");
        double balance = Accounting.amount(row, "debit") - Accounting.amount(row, "credit");
        if (currency == Currencies.companyCurrency(orm)) {
            if (!balanceGiven && amountGiven) {
                putBalance(row, Accounting.amount(row, "amount_currency"));
            } else {
                row.put("amount_currency", balance);
            }
            return;
        }
        double rate = Currencies.fromCompany(orm, currency, entryDate(orm, move));
        if (amountGiven && !balanceGiven) {
            putBalance(row, Currencies.roundCompany(orm, Accounting.amount(row, "amount_currency") / rate));
        } else if (!amountGiven) {
            row.put("amount_currency", Currencies.round(orm, currency, balance * rate));
        }
    }

    /**
     * The same rules when lines or invoices are written: an invoice whose currency or date changes takes the rate of its
     * new date, an entry line's amount in currency written alone gives its balance, a debit or credit written on a line
     * in the company currency gives its amount in currency.
     */
    static void beforeWrite(Orm orm, Model model, Set<String> given, Map<String, Object> updated) {
        if (model.name.equals("account.move")) {
            if (Accounting.isInvoice(updated) && !given.contains("invoice_currency_rate") && (given.contains("currency_id")
                    || given.contains("invoice_date"))) {
                updated.put("invoice_currency_rate", invoiceRate(orm, updated));
            }
            return;
        }
        if (!model.name.equals("account.move.line")) {
            return;
        }
        Map<String, Object> move = orm.row("account.move", (Integer) updated.get("move_id"));
        if (move == null || Accounting.isInvoice(move) || !(given.contains("amount_currency") || given.contains("debit")
                || given.contains("credit") || given.contains("currency_id"))) {
            return;
        }
        Set<String> changed = new HashSet<>(given);
        if (!given.contains("amount_currency") && !given.contains("debit") && !given.contains("credit")) {
            changed.add("debit");
        }
        ofEntryLine(orm, move, updated, changed);
    }

    /** {@code invoice_currency_rate}: company currency to the document's, at the invoice date (today without one). */
    static double invoiceRate(Orm orm, Map<String, Object> move) {
        Object date = move.get("invoice_date") == null ? orm.today() : move.get("invoice_date");
        return Currencies.fromCompany(orm, (Integer) move.get("currency_id"), date.toString());
    }

    private static String entryDate(Orm orm, Map<String, Object> move) {
        Object date = move.get("invoice_date") != null ? move.get("invoice_date") : move.get("date");
        return date == null ? orm.today() : date.toString();
    }

    private static void putBalance(Map<String, Object> row, double balance) {
        row.put("debit", Math.max(balance, 0.0));
        row.put("credit", Math.max(-balance, 0.0));
    }

    /**
     * {@code amount_total}: an invoice's product lines in its own currency (taxes are not modelled), or the sum of an
     * entry's debits (company currency).
     */
    static Object amountTotal(Orm orm, Map<String, Object> move) {
        Model lineModel = orm.model("account.move.line");
        double total = 0.0;
        for (Map<String, Object> line : orm.children(lineModel.name, "move_id", move.get("id"))) {
            if (!Accounting.isInvoice(move)) {
                total += Accounting.amount(line, "debit");
            } else if ("product".equals(line.get("display_type"))) {
                total += ((Number) orm.value(lineModel, line, lineModel.fields.get("price_subtotal"))).doubleValue();
            }
        }
        return Accounting.round(total);
    }

    /**
     * {@code amount_total_signed}: the total in the company currency, positive for what the company is owed (customer
     * invoices, vendor refunds), negative for what it owes (vendor bills, credit notes); an entry's sum of debits.
     */
    static Object amountTotalSigned(Orm orm, Map<String, Object> move) {
        double total = 0.0;
        for (Map<String, Object> line : orm.children("account.move.line", "move_id", move.get("id"))) {
            if (!Accounting.isInvoice(move)) {
                total += Accounting.amount(line, "debit");
            } else if ("product".equals(line.get("display_type"))) {
                total -= Accounting.amount(line, "debit") - Accounting.amount(line, "credit");
            }
        }
        return Accounting.round(total);
    }
}
