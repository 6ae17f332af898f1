package io.portage.odoo.standin;

import java.util.List;
import java.util.Map;

import io.portage.odoo.standin.Field.Type;

/** The stand-in's sales and purchase models: orders, their lines, and the invoicing wizard of sale orders. */
final class TradeSchema {

    private TradeSchema() {
    }

    static void add(Map<String, Model> models) {
        Model order = put(models, new Model("sale.order", "Sales Order"));
        order.order = "date_order desc, id desc";
        order.chars("name", "Order Reference").required().defaultTo("New");
        order.many2one("partner_id", "Customer", "res.partner").required();
        order.chars("client_order_ref", "Customer Reference");
        order.selection("state", "Status", List.of("draft", "sent", "sale", "cancel")).defaultTo("draft");
        order.add("date_order", Type.DATETIME, "Order Date").required().defaultTo(Orm::now);
        order.one2many("order_line", "Order Lines", "sale.order.line", "order_id");
        order.many2one("carrier_id", "Delivery Method", "delivery.carrier");
        // sale.order's pricelist_id (the customer's property_product_pricelist in Odoo, which this stand-in does not
        // have: none unless given) and currency_id (_compute_currency_id: the pricelist's currency, else the company's).
        order.many2one("pricelist_id", "Pricelist", "product.pricelist");
        order.add("currency_id", Type.MANY2ONE, "Currency").computed(TradeSchema::orderCurrency).comodel = "res.currency";
        order.one2many("picking_ids", "Transfers", "stock.picking", "sale_id");
        order.add("invoice_ids", Type.MANY2MANY, "Invoices").computed(Invoicing::orderInvoices).comodel = "account.move";
        order.add("invoice_status", Type.SELECTION, "Invoice Status").computed(Invoicing::orderStatus).selection = List
                .of("upselling", "invoiced", "to invoice", "no");
        order.add("amount_total", Type.FLOAT, "Total")
                .computed((orm, row) -> orm.sum("sale.order.line", "order_id", row.get("id"), "price_subtotal"));

        Model pricelist = put(models, new Model("product.pricelist", "Pricelist"));
        pricelist.order = "sequence asc, id asc";
        pricelist.chars("name", "Pricelist Name").required();
        pricelist.many2one("currency_id", "Currency", "res.currency").required();
        pricelist.add("sequence", Type.INTEGER, "Sequence").defaultTo(16);
        pricelist.bool("active", "Active").defaultTo(true);

        Model line = put(models, new Model("sale.order.line", "Sales Order Line"));
        line.order = "order_id, id";
        line.many2one("order_id", "Order Reference", "sale.order").required();
        line.many2one("product_id", "Product", "product.product");
        line.add("name", Type.TEXT, "Description").required();
        line.decimal("product_uom_qty", "Quantity").defaultTo(1.0);
        line.add("price_unit", Type.FLOAT, "Unit Price");
        line.add("price_subtotal", Type.FLOAT, "Subtotal").computed((orm, row) -> subtotal(row, "product_uom_qty"));
        line.add("qty_delivered", Type.FLOAT, "Delivery Quantity").computed(Invoicing::delivered);
        line.add("qty_invoiced", Type.FLOAT, "Invoiced Quantity").computed(Invoicing::invoiced);
        line.add("qty_to_invoice", Type.FLOAT, "Quantity To Invoice").computed(Invoicing::toInvoice);
        line.displayName = (orm, row) -> orm.displayName("sale.order", (Integer) row.get("order_id")) + " - "
                + row.get("name");

        Model advance = put(models, new Model("sale.advance.payment.inv", "Sales Advance Payment Invoice"));
        advance.selection("advance_payment_method", "Create Invoice", List.of("delivered", "percentage", "fixed"))
                .defaultTo("delivered")
                .required();
        advance.many2many("sale_order_ids", "Sales Orders", "sale.order");

        Model purchase = put(models, new Model("purchase.order", "Purchase Order"));
        purchase.order = "priority desc, id desc";
        purchase.chars("name", "Order Reference").required().defaultTo("New");
        purchase.many2one("partner_id", "Vendor", "res.partner").required();
        purchase.chars("partner_ref", "Vendor Reference");
        purchase.chars("origin", "Source Document");
        purchase.selection("state", "Status", List.of("draft", "sent", "to approve", "purchase", "done", "cancel"))
                .defaultTo("draft");
        purchase.add("priority", Type.CHAR, "Priority").defaultTo("0");
        purchase.add("date_order", Type.DATETIME, "Order Deadline").required().defaultTo(Orm::now);
        purchase.add("date_approve", Type.DATETIME, "Confirmation Date");
        purchase.add("date_planned", Type.DATETIME, "Expected Arrival").computed(Purchases::datePlanned);
        purchase.one2many("order_line", "Order Lines", "purchase.order.line", "order_id");
        purchase.one2many("picking_ids", "Receptions", "stock.picking", "purchase_id");
        purchase.add("receipt_status", Type.SELECTION, "Receipt Status").computed(Purchases::receiptStatus).selection = List
                .of("pending", "partial", "full");
        purchase.add("amount_total", Type.FLOAT, "Total")
                .computed((orm, row) -> orm.sum("purchase.order.line", "order_id", row.get("id"), "price_subtotal"));

        Model purchaseLine = put(models, new Model("purchase.order.line", "Purchase Order Line"));
        purchaseLine.order = "order_id, id";
        purchaseLine.many2one("order_id", "Order Reference", "purchase.order").required();
        purchaseLine.many2one("product_id", "Product", "product.product");
        purchaseLine.add("name", Type.TEXT, "Description").required();
        purchaseLine.decimal("product_qty", "Quantity").defaultTo(1.0);
        purchaseLine.add("price_unit", Type.FLOAT, "Unit Price");
        purchaseLine.add("date_planned", Type.DATETIME, "Expected Arrival");
        purchaseLine.add("price_subtotal", Type.FLOAT, "Subtotal").computed((orm, row) -> subtotal(row, "product_qty"));
        purchaseLine.add("qty_received", Type.FLOAT, "Received Qty").computed(Purchases::received);
        purchaseLine.displayName = (orm, row) -> orm.displayName("purchase.order", (Integer) row.get("order_id"))
                + ": " + row.get("name");
    }

    private static Model put(Map<String, Model> models, Model model) {
        models.put(model.name, model);
        return model;
    }

    static double subtotal(Map<String, Object> row, String quantityField) {
        double quantity = row.get(quantityField) == null ? 0.0 : ((Number) row.get(quantityField)).doubleValue();
        double price = row.get("price_unit") == null ? 0.0 : ((Number) row.get("price_unit")).doubleValue();
        return Math.round(quantity * price * 100.0) / 100.0;
    }

    /** {@code sale.order._compute_currency_id}: the pricelist's currency, else the company's. */
    static Object orderCurrency(Orm orm, Map<String, Object> order) {
        Object pricelist = order.get("pricelist_id");
        if (pricelist instanceof Integer id) {
            Map<String, Object> row = orm.row("product.pricelist", id);
            if (row != null && row.get("currency_id") != null) {
                return row.get("currency_id");
            }
        }
        return Currencies.companyCurrency(orm);
    }
}
