package io.portage.odoo.standin;

import java.util.List;
import java.util.Map;

import io.portage.odoo.standin.Field.Type;

/** The stand-in's inventory models: locations, quants, transfers and moves, scraps and the stock wizards. */
final class StockSchema {

    private StockSchema() {
    }

    static void add(Map<String, Model> models) {
        Model location = put(models, new Model("stock.location", "Inventory Locations"));
        location.order = "complete_name, id";
        location.chars("name", "Location Name").required();
        location.many2one("location_id", "Parent Location", "stock.location");
        location.selection("usage", "Location Type",
                List.of("supplier", "view", "internal", "customer", "inventory", "production", "transit"))
                .defaultTo("internal")
                .required();
        location.add("complete_name", Type.CHAR, "Full Location Name").computed(StockSchema::completeName);
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
        picking.many2one("purchase_id", "Purchase Orders", "purchase.order");
        picking.many2one("return_id", "Return of", "stock.picking");
        picking.add("picking_type_code", Type.CHAR, "Type of Operation")
                .computed((orm, row) -> orm.row("stock.picking.type", (Integer) row.get("picking_type_id")).get("code"));

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
        move.bool("picked", "Picked");
        move.many2one("purchase_line_id", "Purchase Order Line", "purchase.order.line");
        move.bool("to_refund", "Update quantities on SO/PO");
        move.many2one("origin_returned_move_id", "Origin return move", "stock.move");
        move.displayName = (orm, row) -> {
            Map<String, Object> prod = orm.row("product.product", (Integer) row.get("product_id"));
            String code = prod == null || prod.get("default_code") == null ? "" : prod.get("default_code") + ": ";
            return (row.get("origin") == null ? "" : row.get("origin") + "/") + code
                    + orm.displayName("stock.location", (Integer) row.get("location_id")) + ">"
                    + orm.displayName("stock.location", (Integer) row.get("location_dest_id"));
        };

        Model backorder = put(models, new Model("stock.backorder.confirmation", "Backorder Confirmation"));
        backorder.many2many("pick_ids", "Pick", "stock.picking");
        backorder.bool("show_transfers", "Show Transfers");

        Model sms = put(models, new Model("confirm.stock.sms", "Confirm Stock SMS"));
        sms.many2many("pick_ids", "Pick", "stock.picking");

        Model scrap = put(models, new Model("stock.scrap", "Scrap"));
        scrap.order = "id desc";
        scrap.chars("name", "Reference").required().defaultTo("New");
        scrap.many2one("product_id", "Product", "product.product").required();
        scrap.decimal("scrap_qty", "Quantity").required().defaultTo(1.0);
        scrap.many2one("picking_id", "Picking", "stock.picking");
        scrap.chars("origin", "Source Document");
        scrap.many2one("location_id", "Source Location", "stock.location").required().defaultTo(6);
        scrap.many2one("scrap_location_id", "Scrap Location", "stock.location").required().defaultTo(8);
        scrap.selection("state", "Status", List.of("draft", "done")).defaultTo("draft");
        scrap.add("date_done", Type.DATETIME, "Date");

        Model warn = put(models, new Model("stock.warn.insufficient.qty.scrap", "Warn Insufficient Scrap Quantity"));
        warn.many2one("product_id", "Product", "product.product");
        warn.many2one("location_id", "Location", "stock.location");
        warn.many2one("scrap_id", "Scrap", "stock.scrap");
        warn.decimal("quantity", "Quantity");

        Model giveBack = put(models, new Model("stock.return.picking", "Return Picking"));
        giveBack.many2one("picking_id", "Picking", "stock.picking");
        giveBack.one2many("product_return_moves", "Moves", "stock.return.picking.line", "wizard_id");

        Model giveBackLine = put(models, new Model("stock.return.picking.line", "Return Picking Line"));
        giveBackLine.many2one("wizard_id", "Wizard", "stock.return.picking");
        giveBackLine.many2one("product_id", "Product", "product.product").required();
        giveBackLine.decimal("quantity", "Quantity");
        giveBackLine.many2one("move_id", "Move", "stock.move");
        giveBackLine.bool("to_refund", "Update quantities on SO/PO").defaultTo(true);
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
}
