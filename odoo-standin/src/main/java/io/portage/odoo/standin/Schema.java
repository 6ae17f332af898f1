package io.portage.odoo.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portage.odoo.standin.Field.Type;

/** The models the stand-in serves, with the fields Portage reads and writes, per Odoo major version. */
final class Schema {

    private Schema() {
    }

    static Map<String, Model> build(int major) {
        Map<String, Model> models = new LinkedHashMap<>();

        Model users = put(models, new Model("res.users", "User"));
        users.chars("name", "Name");
        users.chars("login", "Login").required();

        Model country = put(models, new Model("res.country", "Country"));
        country.chars("name", "Country Name").required();
        country.chars("code", "Country Code");

        Model partner = put(models, new Model("res.partner", "Contact"));
        partner.order = "display_name, id desc";
        partner.chars("name", "Name");
        partner.chars("ref", "Reference");
        partner.chars("email", "Email");
        partner.chars("phone", "Phone");
        partner.chars("street", "Street");
        partner.chars("city", "City");
        partner.chars("zip", "Zip");
        partner.many2one("country_id", "Country", "res.country");
        partner.bool("is_company", "Is a Company");
        partner.bool("active", "Active").defaultTo(true);
        partner.many2one("parent_id", "Related Company", "res.partner");
        partner.one2many("child_ids", "Contact", "res.partner", "parent_id");
        partner.displayName = (orm, row) -> {
            String name = row.get("name") == null ? "" : row.get("name").toString();
            Object parent = row.get("parent_id");
            if (parent != null && !Boolean.TRUE.equals(row.get("is_company"))) {
                Map<String, Object> company = orm.row("res.partner", (Integer) parent);
                if (company != null && company.get("name") != null) {
                    return company.get("name") + ", " + name;
                }
            }
            return name;
        };

        Model product = put(models, new Model("product.product", "Product Variant"));
        product.order = "default_code, name, id";
        product.chars("name", "Name").required();
        product.chars("default_code", "Internal Reference");
        product.chars("barcode", "Barcode");
        if (major >= 18) {
            product.selection("type", "Product Type", List.of("consu", "service", "combo")).defaultTo("consu");
            product.bool("is_storable", "Track Inventory");
        } else {
            product.selection("type", "Product Type", List.of("consu", "service", "product")).defaultTo("consu");
        }
        product.decimal("list_price", "Sales Price").defaultTo(1.0);
        product.decimal("standard_price", "Cost");
        product.bool("active", "Active").defaultTo(true);
        product.add("qty_available", Type.FLOAT, "Quantity On Hand")
                .computed((orm, row) -> orm.onHand((Integer) row.get("id")));
        product.displayName = (orm, row) -> row.get("default_code") == null
                ? String.valueOf(row.get("name"))
                : "[" + row.get("default_code") + "] " + row.get("name");

        Model location = put(models, new Model("stock.location", "Inventory Locations"));
        location.order = "complete_name, id";
        location.chars("name", "Location Name").required();
        location.many2one("location_id", "Parent Location", "stock.location");
        location.selection("usage", "Location Type",
                List.of("supplier", "view", "internal", "customer", "inventory", "production", "transit"))
                .defaultTo("internal")
                .required();
        location.add("complete_name", Type.CHAR, "Full Location Name").computed(Schema::completeName);
        location.displayName = (orm, row) -> completeName(orm, row).toString();

        Model warehouse = put(models, new Model("stock.warehouse", "Warehouse"));
        warehouse.chars("name", "Warehouse").required();
        warehouse.chars("code", "Short Name").required();
        warehouse.many2one("lot_stock_id", "Location Stock", "stock.location");
        warehouse.many2one("view_location_id", "View Location", "stock.location");

        Model pickingType = put(models, new Model("stock.picking.type", "Picking Type"));
        pickingType.chars("name", "Operation Type").required();
        pickingType.selection("code", "Type of Operation", List.of("incoming", "outgoing", "internal")).required();
        pickingType.chars("sequence_code", "Sequence Prefix").required();
        pickingType.many2one("warehouse_id", "Warehouse", "stock.warehouse");
        pickingType.many2one("default_location_src_id", "Default Source Location", "stock.location");
        pickingType.many2one("default_location_dest_id", "Default Destination Location", "stock.location");
        pickingType.displayName = (orm, row) -> {
            Map<String, Object> wh = row.get("warehouse_id") == null
                    ? null
                    : orm.row("stock.warehouse", (Integer) row.get("warehouse_id"));
            return wh == null ? String.valueOf(row.get("name")) : wh.get("name") + ": " + row.get("name");
        };

        Model quant = put(models, new Model("stock.quant", "Quants"));
        quant.many2one("product_id", "Product", "product.product").required();
        quant.many2one("location_id", "Location", "stock.location").required();
        quant.decimal("quantity", "Quantity");
        quant.displayName = (orm, row) -> orm.displayName("product.product", (Integer) row.get("product_id"));

        Model carrier = put(models, new Model("delivery.carrier", "Shipping Methods"));
        carrier.chars("name", "Delivery Method").required();
        carrier.selection("delivery_type", "Provider", List.of("fixed", "base_on_rule")).defaultTo("fixed").required();
        carrier.decimal("fixed_price", "Fixed Price");
        carrier.bool("active", "Active").defaultTo(true);

        Model order = put(models, new Model("sale.order", "Sales Order"));
        order.order = "date_order desc, id desc";
        order.chars("name", "Order Reference").required().defaultTo("New");
        order.many2one("partner_id", "Customer", "res.partner").required();
        order.chars("client_order_ref", "Customer Reference");
        order.selection("state", "Status", List.of("draft", "sent", "sale", "cancel")).defaultTo("draft");
        order.add("date_order", Type.DATETIME, "Order Date").required().defaultTo(Orm::now);
        order.one2many("order_line", "Order Lines", "sale.order.line", "order_id");
        order.many2one("carrier_id", "Delivery Method", "delivery.carrier");
        order.one2many("picking_ids", "Transfers", "stock.picking", "sale_id");
        order.add("amount_total", Type.FLOAT, "Total")
                .computed((orm, row) -> orm.sum("sale.order.line", "order_id", row.get("id"), "price_subtotal"));

        Model line = put(models, new Model("sale.order.line", "Sales Order Line"));
        line.order = "order_id, id";
        line.many2one("order_id", "Order Reference", "sale.order").required();
        line.many2one("product_id", "Product", "product.product");
        line.add("name", Type.TEXT, "Description").required();
        line.decimal("product_uom_qty", "Quantity").defaultTo(1.0);
        line.add("price_unit", Type.FLOAT, "Unit Price");
        line.add("price_subtotal", Type.FLOAT, "Subtotal").computed(Schema::subtotal);
        line.displayName = (orm, row) -> orm.displayName("sale.order", (Integer) row.get("order_id")) + " - "
                + row.get("name");

        Model picking = put(models, new Model("stock.picking", "Transfer"));
        picking.order = "scheduled_date, id desc";
        picking.chars("name", "Reference").defaultTo("/");
        picking.chars("origin", "Source Document");
        picking.selection("state", "Status", List.of("draft", "waiting", "confirmed", "assigned", "done", "cancel"))
                .defaultTo("draft");
        picking.many2one("picking_type_id", "Operation Type", "stock.picking.type").required();
        picking.many2one("partner_id", "Contact", "res.partner");
        picking.many2one("location_id", "Source Location", "stock.location").required();
        picking.many2one("location_dest_id", "Destination Location", "stock.location").required();
        picking.one2many("move_ids", "Stock Moves", "stock.move", "picking_id");
        picking.many2one("carrier_id", "Carrier", "delivery.carrier");
        picking.chars("carrier_tracking_ref", "Tracking Reference");
        picking.add("scheduled_date", Type.DATETIME, "Scheduled Date").required().defaultTo(Orm::now);
        picking.add("date_done", Type.DATETIME, "Date of Transfer");
        picking.many2one("sale_id", "Sales Order", "sale.order");
        picking.many2one("backorder_id", "Back Order of", "stock.picking");

        Model move = put(models, new Model("stock.move", "Stock Move"));
        move.chars("name", "Description").required();
        move.many2one("picking_id", "Transfer", "stock.picking");
        move.many2one("product_id", "Product", "product.product").required();
        move.decimal("product_uom_qty", "Demand");
        move.decimal("quantity", "Quantity");
        move.selection("state", "Status",
                List.of("draft", "waiting", "confirmed", "partially_available", "assigned", "done", "cancel"))
                .defaultTo("draft");
        move.many2one("location_id", "Source Location", "stock.location").required();
        move.many2one("location_dest_id", "Destination Location", "stock.location").required();
        move.many2one("sale_line_id", "Sale Line", "sale.order.line");
        move.chars("origin", "Source Document");
        move.displayName = (orm, row) -> {
            Map<String, Object> prod = orm.row("product.product", (Integer) row.get("product_id"));
            String code = prod == null || prod.get("default_code") == null ? "" : prod.get("default_code") + ": ";
            return (row.get("origin") == null ? "" : row.get("origin") + "/") + code
                    + orm.displayName("stock.location", (Integer) row.get("location_id")) + ">"
                    + orm.displayName("stock.location", (Integer) row.get("location_dest_id"));
        };

        Model backorder = put(models, new Model("stock.backorder.confirmation", "Backorder Confirmation"));
        backorder.many2many("pick_ids", "Pick", "stock.picking");

        Model currency = put(models, new Model("res.currency", "Currency"));
        currency.order = "active desc, name, id";
        currency.chars("name", "Currency").required();
        currency.chars("symbol", "Symbol").required();
        currency.decimal("rounding", "Rounding Factor").defaultTo(0.01);
        currency.bool("active", "Active").defaultTo(true);

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
        invoice.one2many("invoice_line_ids", "Invoice lines", "account.move.line", "move_id")
                .domain(row -> Accounting.INVOICE_LINE_TYPES.contains(row.get("display_type")));
        invoice.one2many("line_ids", "Journal Items", "account.move.line", "move_id");
        invoice.add("amount_total", Type.FLOAT, "Total").computed(Accounting::amountTotal);
        invoice.displayName = Schema::moveName;

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
                .computed((orm, row) -> "product".equals(row.get("display_type")) ? subtotal(row, "quantity") : 0.0);
        moveLine.decimal("debit", "Debit");
        moveLine.decimal("credit", "Credit");
        moveLine.add("balance", Type.FLOAT, "Balance")
                .computed((orm, row) -> Accounting.amount(row, "debit") - Accounting.amount(row, "credit"));
        moveLine.add("date_maturity", Type.DATE, "Due Date");

        Model data = put(models, new Model("ir.model.data", "Model Data"));
        data.chars("name", "External Identifier").required();
        data.chars("module", "Module").required().defaultTo("");
        data.chars("model", "Model Name").required();
        data.add("res_id", Type.INTEGER, "Record ID");
        data.bool("noupdate", "Non Updatable");
        data.add("complete_name", Type.CHAR, "Complete ID")
                .computed((orm, row) -> row.get("module") + "." + row.get("name"));
        data.displayName = (orm, row) -> row.get("module") + "." + row.get("name");
        return models;
    }

    private static Model put(Map<String, Model> models, Model model) {
        models.put(model.name, model);
        return model;
    }

    private static Object completeName(Orm orm, Map<String, Object> row) {
        Object parent = row.get("location_id");
        if (parent == null || "view".equals(row.get("usage"))) {
            return row.get("name");
        }
        return completeName(orm, orm.row("stock.location", (Integer) parent)) + "/" + row.get("name");
    }

    private static Object subtotal(Orm orm, Map<String, Object> row) {
        return subtotal(row, "product_uom_qty");
    }

    private static Object subtotal(Map<String, Object> row, String quantityField) {
        double quantity = row.get(quantityField) == null ? 0.0 : ((Number) row.get(quantityField)).doubleValue();
        double price = row.get("price_unit") == null ? 0.0 : ((Number) row.get("price_unit")).doubleValue();
        return Math.round(quantity * price * 100.0) / 100.0;
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
