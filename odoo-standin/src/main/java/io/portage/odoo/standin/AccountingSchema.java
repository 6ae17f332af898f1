package io.portage.odoo.standin;

import java.util.List;
import java.util.Map;

import io.portage.odoo.standin.Field.Type;

/** The stand-in's accounting models: currencies and their rates, accounts, journals, journal entries and their reversal wizard. */
final class AccountingSchema {

    private AccountingSchema() {
    }

    static void add(Map<String, Model> models, int major) {
        Model currency = put(models, new Model("res.currency", "Currency"));
        currency.order = "active desc, name, id";
        currency.chars("name", "Currency").required();
        currency.chars("symbol", "Symbol").required();
        currency.decimal("rounding", "Rounding Factor").defaultTo(0.01);
        currency.bool("active", "Active").defaultTo(true);
        currency.one2many("rate_ids", "Rates", "res.currency.rate", "currency_id");

        Model rate = put(models, new Model("res.currency.rate", "Currency Rate"));
        rate.order = "name desc, id desc";
        rate.add("name", Type.DATE, "Date").required().defaultTo(Orm::today);
        rate.add("rate", Type.FLOAT, "Technical Rate").required().defaultTo(1.0);
        rate.many2one("currency_id", "Currency", "res.currency").required();
        rate.many2one("company_id", "Company", "res.company");
        rate.displayName = (orm, row) -> String.valueOf(row.get("name"));

        Model account = put(models, new Model("account.account", "Account"));
        account.order = "code, id";
        account.chars("code", "Code").required();
        account.chars("name", "Account Name").required();
        account.selection("account_type", "Type", List.of("asset_receivable", "asset_cash", "asset_current",
                "asset_non_current", "asset_prepayments", "asset_fixed", "liability_payable", "liability_credit_card",
                "liability_current", "liability_non_current", "equity", "equity_unaffected", "income",
                "income_other", "expense", "expense_depreciation", "expense_direct_cost", "off_balance"))
                .required();
        account.bool("reconcile", "Allow Reconciliation");
        if (major >= 18) {
            account.many2many("company_ids", "Companies", "res.company");
        } else {
            account.many2one("company_id", "Company", "res.company");
        }
        account.displayName = (orm, row) -> row.get("code") + " " + row.get("name");

        Model journal = put(models, new Model("account.journal", "Journal"));
        journal.order = "type, code, id";
        journal.chars("name", "Journal Name").required();
        journal.chars("code", "Short Code").required();
        journal.selection("type", "Type", List.of("sale", "purchase", "cash", "bank", "general")).required();
        journal.many2one("default_account_id", "Default Account", "account.account");
        journal.bool("refund_sequence", "Dedicated Credit Note Sequence");
        journal.bool("active", "Active").defaultTo(true);

        Model invoice = put(models, new Model("account.move", "Journal Entry"));
        invoice.order = "date desc, name desc, id desc";
        invoice.chars("name", "Number").defaultTo("/");
        invoice.selection("move_type", "Type",
                List.of("entry", "out_invoice", "out_refund", "in_invoice", "in_refund", "out_receipt", "in_receipt"))
                .required()
                .defaultTo("entry");
        invoice.selection("state", "Status", List.of("draft", "posted", "cancel")).required().defaultTo("draft");
        invoice.many2one("journal_id", "Journal", "account.journal").required();
        invoice.many2one("currency_id", "Currency", "res.currency").required();
        invoice.many2one("partner_id", "Partner", "res.partner");
        invoice.chars("ref", "Reference");
        invoice.chars("invoice_origin", "Origin");
        invoice.add("invoice_date", Type.DATE, "Invoice/Bill Date");
        invoice.add("invoice_date_due", Type.DATE, "Due Date");
        invoice.add("date", Type.DATE, "Date").required().defaultTo(Orm::today);
        invoice.many2one("reversed_entry_id", "Reversal of", "account.move");
        invoice.one2many("reversal_move_ids", "Reversal Move", "account.move", "reversed_entry_id");
        invoice.add("duplicated_ref_ids", Type.MANY2MANY, "Duplicated Ref")
                .computed(Accounting::duplicatedRefs).comodel = "account.move";
        invoice.one2many("invoice_line_ids", "Invoice lines", "account.move.line", "move_id")
                .domain(row -> Accounting.INVOICE_LINE_TYPES.contains(row.get("display_type")));
        invoice.one2many("line_ids", "Journal Items", "account.move.line", "move_id");
        invoice.add("amount_total", Type.FLOAT, "Total").computed(MoveAmounts::amountTotal);
        invoice.add("amount_total_signed", Type.FLOAT, "Total Signed").computed(MoveAmounts::amountTotalSigned);
        invoice.add("invoice_currency_rate", Type.FLOAT, "Currency Rate");
        invoice.displayName = AccountingSchema::moveName;

        Model moveLine = put(models, new Model("account.move.line", "Journal Item"));
        moveLine.order = "move_id, id";
        moveLine.many2one("move_id", "Journal Entry", "account.move").required();
        moveLine.selection("display_type", "Display Type", List.of("product", "cogs", "tax", "discount", "rounding",
                "payment_term", "line_section", "line_note", "epd"));
        moveLine.many2one("account_id", "Account", "account.account");
        moveLine.many2one("partner_id", "Partner", "res.partner");
        moveLine.many2one("product_id", "Product", "product.product");
        moveLine.chars("name", "Label");
        moveLine.decimal("quantity", "Quantity").defaultTo(1.0);
        moveLine.add("price_unit", Type.FLOAT, "Unit Price");
        moveLine.add("price_subtotal", Type.FLOAT, "Subtotal")
                .computed(
                        (orm, row) -> "product".equals(row.get("display_type")) ? TradeSchema.subtotal(row, "quantity") : 0.0);
        moveLine.many2one("currency_id", "Currency", "res.currency");
        moveLine.add("amount_currency", Type.FLOAT, "Amount in Currency");
        moveLine.decimal("debit", "Debit");
        moveLine.decimal("credit", "Credit");
        moveLine.add("balance", Type.FLOAT, "Balance")
                .computed((orm, row) -> Accounting.amount(row, "debit") - Accounting.amount(row, "credit"));
        moveLine.add("date_maturity", Type.DATE, "Due Date");
        moveLine.many2many("sale_line_ids", "Sales Order Lines", "sale.order.line");

        Model reversal = put(models, new Model("account.move.reversal", "Account Move Reversal"));
        reversal.many2many("move_ids", "Move", "account.move");
        reversal.many2many("new_move_ids", "New Move", "account.move");
        reversal.add("date", Type.DATE, "Reversal date").required().defaultTo(Orm::today);
        reversal.chars("reason", "Reason displayed on Credit Note");
        reversal.many2one("journal_id", "Journal", "account.journal").required();
    }

    private static Model put(Map<String, Model> models, Model model) {
        models.put(model.name, model);
        return model;
    }

    private static String moveName(Orm orm, Map<String, Object> row) {
        if (!"draft".equals(row.get("state")) || !"/".equals(row.get("name"))) {
            return String.valueOf(row.get("name"));
        }
        String label = switch (String.valueOf(row.get("move_type"))) {
            case "out_invoice" -> "Draft Invoice";
            case "out_refund" -> "Draft Credit Note";
            case "in_invoice" -> "Draft Bill";
            case "in_refund" -> "Draft Vendor Credit Note";
            case "out_receipt" -> "Draft Sales Receipt";
            case "in_receipt" -> "Draft Purchase Receipt";
            default -> "Draft Entry";
        };
        return label + " (* " + row.get("id") + ")";
    }
}
