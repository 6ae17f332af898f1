package io.portage.odoo.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Odoo's accounting rules for {@code account.move} as Portage uses them, after {@code addons/account} (16.0 onwards):
 * journal and currency defaults, the receivable or payable line an invoice keeps in step with its product lines, each
 * line's company-currency balance from its amount in the document or line currency at Odoo's rate ({@link Currencies}),
 * the balance check in the company currency after every create and write, and {@code action_post}'s checks and
 * numbering.
 */
final class Accounting {

    /** The lines {@code invoice_line_ids} holds: Odoo's field has this {@code display_type} domain. */
    static final Set<String> INVOICE_LINE_TYPES = Set.of("product", "line_section", "line_note");
    private static final Set<String> SALE = Set.of("out_invoice", "out_refund", "out_receipt");
    private static final Set<String> PURCHASE = Set.of("in_invoice", "in_refund", "in_receipt");
    /** Documents whose product lines are credits and whose receivable/payable line is a debit. */
    private static final Set<String> INBOUND = Set.of("out_invoice", "out_receipt", "in_refund");
    private static final Set<String> TERM_ACCOUNTS = Set.of("asset_receivable", "liability_payable");

    private Accounting() {
    }

    /**
     * Defaults Odoo computes on create: a move's journal, currency and (an invoice's) rate; a line's kind, label, price,
     * account and currency, and an entry line's amounts in both currencies. {@code given}: the fields the call set.
     */
    static void beforeCreate(Orm orm, Model model, Map<String, Object> row, Set<String> given) {
        if (model.name.equals("account.move")) {
            String type = String.valueOf(row.get("move_type"));
            if (row.get("journal_id") == null) {
                String journalType = SALE.contains(type) ? "sale" : PURCHASE.contains(type) ? "purchase" : "general";
                orm.rows("account.journal")
                        .stream()
                        .filter(j -> journalType.equals(j.get("type")) && !Boolean.FALSE.equals(j.get("active")))
                        .findFirst()
                        .ifPresent(j -> row.put("journal_id", j.get("id")));
            }
            if (row.get("currency_id") == null) {
                row.put("currency_id", Currencies.companyCurrency(orm));
            }
            if (isInvoice(row) && row.get("invoice_currency_rate") == null) {
                row.put("invoice_currency_rate", MoveAmounts.invoiceRate(orm, row));
            }
            return;
        }
        Map<String, Object> move = orm.row("account.move", (Integer) row.get("move_id"));
        Map<String, Object> product = orm.row("product.product", (Integer) row.get("product_id"));
        if (row.get("display_type") == null) {
            Map<String, Object> account = orm.row("account.account", (Integer) row.get("account_id"));
            boolean term = account != null && TERM_ACCOUNTS.contains(account.get("account_type"));
            row.put("display_type", term ? "payment_term" : "product");
        }
        if (row.get("name") == null && product != null) {
            row.put("name", orm.displayName("product.product", (Integer) row.get("product_id")));
        }
        boolean purchase = move != null && PURCHASE.contains(move.get("move_type"));
        if (row.get("price_unit") == null) {
            row.put("price_unit", product == null ? 0.0 : product.get(purchase ? "standard_price" : "list_price"));
        }
        if (row.get("account_id") == null && "product".equals(row.get("display_type")) && move != null) {
            Map<String, Object> journal = orm.row("account.journal", (Integer) move.get("journal_id"));
            if (journal != null) {
                row.put("account_id", journal.get("default_account_id"));
            }
        }
        if (row.get("partner_id") == null && move != null && isInvoice(move)) {
            row.put("partner_id", move.get("partner_id"));
        }
        if (move != null && isInvoice(move)) {
            row.put("currency_id", move.get("currency_id"));
        } else if (move != null) {
            if (row.get("currency_id") == null) {
                row.put("currency_id", Currencies.companyCurrency(orm));
            }
            MoveAmounts.ofEntryLine(orm, move, row, given);
        }
    }

    /**
     * What Odoo does around every create and write of moves or their lines ({@code _sync_dynamic_lines} and
     * {@code _check_balanced}): a draft invoice's product lines get their debit or credit and its receivable or payable
     * line follows their total; then every move with lines must balance, or the whole call is refused.
     */
    static void beforeCommit(Orm orm, Set<Integer> moveIds) {
        for (Integer id : moveIds) {
            Map<String, Object> move = orm.row("account.move", id);
            if (move != null && "draft".equals(move.get("state")) && isInvoice(move)) {
                syncInvoice(orm, move);
            }
        }
        for (Integer id : moveIds) {
            Map<String, Object> move = orm.row("account.move", id);
            if (move != null) {
                checkBalanced(orm, move);
            }
        }
    }

    private static void syncInvoice(Orm orm, Map<String, Object> move) {
        Model lineModel = orm.model("account.move.line");
        Model moveModel = orm.model("account.move");
        Integer id = (Integer) move.get("id");
        boolean inbound = INBOUND.contains(move.get("move_type"));
        Integer currency = (Integer) move.get("currency_id");
        double rate = move.get("invoice_currency_rate") == null
                ? MoveAmounts.invoiceRate(orm, move)
                : ((Number) move.get("invoice_currency_rate")).doubleValue();
        double total = 0.0;
        double totalBalance = 0.0;
        boolean anyProduct = false;
        List<Integer> terms = new ArrayList<>();
        for (Map<String, Object> line : orm.children(lineModel.name, "move_id", id)) {
            if ("payment_term".equals(line.get("display_type"))) {
                terms.add((Integer) line.get("id"));
            }
            if (!"product".equals(line.get("display_type"))) {
                continue;
            }
            anyProduct = true;
            double subtotal = ((Number) orm.value(lineModel, line, lineModel.fields.get("price_subtotal")))
                    .doubleValue();
            double amountCurrency = Currencies.round(orm, currency, inbound ? -subtotal : subtotal);
            double balance = Currencies.roundCompany(orm, amountCurrency / rate);
            total += amountCurrency;
            totalBalance += balance;
            setAmounts(orm, lineModel, line, currency, amountCurrency, balance);
        }
        Map<String, Object> moveVals = new LinkedHashMap<>();
        if (move.get("invoice_date") != null && !move.get("invoice_date").equals(move.get("date"))) {
            moveVals.put("date", move.get("invoice_date"));
        }
        Object due = move.get("invoice_date_due") != null
                ? move.get("invoice_date_due")
                : move.get("invoice_date") != null
                        ? move.get("invoice_date")
                        : moveVals.getOrDefault("date",
                                move.get("date"));
        if (!due.equals(move.get("invoice_date_due"))) {
            moveVals.put("invoice_date_due", due);
        }
        if (!moveVals.isEmpty()) {
            orm.write(moveModel, List.of(id), moveVals);
        }
        if (!anyProduct) {
            if (!terms.isEmpty()) {
                orm.unlink(lineModel, terms);
            }
            return;
        }
        if (terms.size() > 1) {
            orm.unlink(lineModel, terms.subList(1, terms.size()));
        }
        String accountType = SALE.contains(move.get("move_type")) ? "asset_receivable" : "liability_payable";
        Object account = orm.rows("account.account")
                .stream()
                .filter(a -> accountType.equals(a.get("account_type")))
                .map(a -> a.get("id"))
                .findFirst()
                .orElse(null);
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("account_id", account);
        vals.put("partner_id", move.get("partner_id"));
        vals.put("date_maturity", due);
        double balance = Currencies.roundCompany(orm, -totalBalance);
        double amountCurrency = Currencies.round(orm, currency, -total);
        if (terms.isEmpty()) {
            vals.put("move_id", id);
            vals.put("display_type", "payment_term");
            vals.put("quantity", 1.0);
            vals.put("currency_id", currency);
            vals.put("amount_currency", amountCurrency);
            vals.put("debit", Math.max(balance, 0.0));
            vals.put("credit", Math.max(-balance, 0.0));
            orm.createOne(lineModel, vals);
            return;
        }
        Map<String, Object> term = orm.row(lineModel.name, terms.get(0));
        if (!Objects.equals(term.get("account_id"), account) || !Objects.equals(term.get("partner_id"),
                move.get("partner_id")) || !Objects.equals(term.get("date_maturity"), due)) {
            orm.write(lineModel, List.of(terms.get(0)), vals);
        }
        setAmounts(orm, lineModel, term, currency, amountCurrency, balance);
    }

    private static void setAmounts(Orm orm, Model lineModel, Map<String, Object> line, Integer currency,
            double amountCurrency, double balance) {
        double debit = round(Math.max(balance, 0.0));
        double credit = round(Math.max(-balance, 0.0));
        if (amount(line, "debit") != debit || amount(line, "credit") != credit || !Objects.equals(line.get(
                "currency_id"), currency) || line.get("amount_currency") == null || amount(line,
                        "amount_currency") != amountCurrency) {
            orm.write(lineModel, List.of((Integer) line.get("id")), Map.of("debit", debit, "credit", credit,
                    "currency_id", currency, "amount_currency", amountCurrency));
        }
    }

    private static void checkBalanced(Orm orm, Map<String, Object> move) {
        List<Map<String, Object>> lines = orm.children("account.move.line", "move_id", move.get("id"));
        if (lines.isEmpty()) {
            return;
        }
        double debit = round(lines.stream().mapToDouble(line -> amount(line, "debit")).sum());
        double credit = round(lines.stream().mapToDouble(line -> amount(line, "credit")).sum());
        if (debit != credit) {
            Map<String, Object> journal = orm.row("account.journal", (Integer) move.get("journal_id"));
            throw OdooError.userError("An error has occurred.\n\nThe move (" + orm.displayName(orm.model(
                    "account.move"), move) + ") is not balanced.\nThe total of debits equals " + money(orm, debit)
                    + " and the total of credits equals " + money(orm, credit) + ".\nYou might want to specify a "
                    + "default account on journal \"" + (journal == null ? "" : journal.get("name"))
                    + "\" to automatically balance each move.");
        }
    }

    /**
     * {@code account.move.action_post} (returns false, as Odoo's does): the checks of Odoo's {@code _post}, in 17.0's
     * order, each a UserError; then a sale document without a date gets today's, and the move is numbered from its
     * journal's code ({@code INV/2026/00001}, {@code RINV/...} for credit notes on a journal with a credit note
     * sequence, {@code BILL}, {@code RBILL}, {@code MISC}) and posted.
     */
    static boolean post(Orm orm, List<Integer> ids) {
        Model moveModel = orm.model("account.move");
        orm.ensureExist(moveModel, ids);
        for (Integer id : ids) {
            Map<String, Object> move = orm.row(moveModel.name, id);
            String type = String.valueOf(move.get("move_type"));
            String state = String.valueOf(move.get("state"));
            if (!"draft".equals(state)) {
                throw OdooError.userError(orm.major < 18 && "posted".equals(state)
                        ? "The entry " + move.get("name") + " (id " + id + ") is already posted."
                        : "The entry " + move.get("name") + " (id " + id + ") must be in draft.");
            }
            if (orm.children("account.move.line", "move_id", id)
                    .stream()
                    .allMatch(line -> Set.of("line_section", "line_note").contains(line.get("display_type")))) {
                throw OdooError.userError("You need to add a line before posting.");
            }
            if (isInvoice(move)) {
                if (move.get("partner_id") == null) {
                    throw OdooError.userError(SALE.contains(type)
                            ? "The field 'Customer' is required, please complete it to validate the Customer Invoice."
                            : "The field 'Vendor' is required, please complete it to validate the Vendor Bill.");
                }
                if (((Number) MoveAmounts.amountTotal(orm, move)).doubleValue() < 0.0) {
                    throw OdooError.userError("You cannot validate an invoice with a negative total amount. You should "
                            + "create a credit note instead. Use the action menu to transform it into a credit note "
                            + "or refund.");
                }
                if (move.get("invoice_date") == null && PURCHASE.contains(type)) {
                    throw OdooError.userError("The Bill/Refund date is required to validate this document.");
                }
            }
            Set<Object> currencies = new LinkedHashSet<>();
            currencies.add(move.get("currency_id"));
            orm.children("account.move.line", "move_id", id).forEach(line -> currencies.add(line.get("currency_id")));
            for (Object currencyId : currencies) {
                Map<String, Object> currency = orm.row("res.currency", (Integer) currencyId);
                if (currency != null && Boolean.FALSE.equals(currency.get("active"))) {
                    throw OdooError.userError("You cannot validate a document with an inactive currency: "
                            + currency.get("name"));
                }
            }
        }
        for (Integer id : ids) {
            Map<String, Object> move = orm.row(moveModel.name, id);
            String type = String.valueOf(move.get("move_type"));
            Map<String, Object> vals = new LinkedHashMap<>();
            Object date = move.get("date");
            if (isInvoice(move) && move.get("invoice_date") == null) {
                date = orm.today();
                vals.put("invoice_date", date);
                vals.put("date", date);
            }
            if ("/".equals(move.get("name"))) {
                Map<String, Object> journal = orm.row("account.journal", (Integer) move.get("journal_id"));
                boolean refund = type.endsWith("_refund") && Boolean.TRUE.equals(journal.get("refund_sequence"));
                String prefix = (refund ? "R" : "") + journal.get("code") + "/" + String.valueOf(date).substring(0, 4)
                        + "/";
                vals.put("name", orm.nextSequence(prefix, prefix));
            }
            vals.put("state", "posted");
            orm.write(moveModel, List.of(id), vals);
            if (type.endsWith("_refund") && move.get("reversed_entry_id") != null) {
                Chatter.post(orm, "account.move", id, "This credit note reconciles " + orm.displayName(
                        "account.move", (Integer) move.get("reversed_entry_id")) + ".");
            }
        }
        return false;
    }

    /** {@code duplicated_ref_ids} (not stored): other bills of the same vendor with the same {@code ref}; only a warning. */
    static Object duplicatedRefs(Orm orm, Map<String, Object> move) {
        if (move.get("ref") == null || move.get("partner_id") == null || !PURCHASE.contains(move.get("move_type"))) {
            return List.of();
        }
        return orm.rows("account.move")
                .stream()
                .filter(other -> !other.get("id").equals(move.get("id"))
                        && Objects.equals(other.get("ref"), move.get("ref"))
                        && Objects.equals(other.get("partner_id"), move.get("partner_id"))
                        && Objects.equals(other.get("move_type"), move.get("move_type"))
                        && !"cancel".equals(other.get("state")))
                .map(other -> other.get("id"))
                .toList();
    }

    static double amount(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value == null ? 0.0 : ((Number) value).doubleValue();
    }

    static boolean isInvoice(Map<String, Object> move) {
        return !"entry".equals(move.get("move_type"));
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    /** {@code format_amount} in en_US for the company currency: {@code $ 1,234.50} with a no-break space. */
    private static String money(Orm orm, double value) {
        Map<String, Object> currency = orm.row("res.currency", Currencies.companyCurrency(orm));
        return currency.get("symbol") + "\u00a0" + String.format(Locale.US, "%,.2f", value);
    }
}
