package io.portage.odoo.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sale order confirmation and cancellation (with their chatter), and the create/unlink rules of the stand-in's
 * documents, after Odoo 17/18's {@code sale_stock}, {@code purchase}, {@code stock} and {@code account} (pickings:
 * {@link Pickings}; journal entries: {@link Accounting}).
 */
final class Flows {

    private Flows() {
    }

    static void register(Methods methods) {
        methods.register("sale.order", "action_confirm", c -> confirmOrders(c.orm(), c.ids()));
        methods.register("sale.order", "action_cancel", c -> cancelOrders(c.orm(), c.ids()));
    }

    /** {@code given}: the fields the caller's values set (the rest are defaults). */
    static void beforeCreate(Orm orm, Model model, Map<String, Object> row, Set<String> given) {
        switch (model.name) {
            case "sale.order" -> {
                if ("New".equals(row.get("name"))) {
                    row.put("name", orm.nextSequence("sale.order", "S"));
                }
            }
            case "purchase.order" -> {
                if ("New".equals(row.get("name"))) {
                    row.put("name", orm.nextSequence("purchase.order", "P"));
                }
            }
            case "stock.scrap" -> {
                if ("New".equals(row.get("name"))) {
                    row.put("name", orm.nextSequence("stock.scrap", "SP/"));
                }
            }
            case "purchase.order.line" -> {
                Map<String, Object> product = orm.row("product.product", (Integer) row.get("product_id"));
                if (row.get("name") == null && product != null) {
                    row.put("name", orm.displayName("product.product", (Integer) row.get("product_id")));
                }
                if (row.get("price_unit") == null) {
                    row.put("price_unit", product == null ? 0.0 : product.get("standard_price"));
                }
            }
            case "account.move", "account.move.line" -> Accounting.beforeCreate(orm, model, row, given);
            case "sale.order.line" -> {
                Map<String, Object> product = orm.row("product.product", (Integer) row.get("product_id"));
                if (row.get("name") == null && product != null) {
                    row.put("name", orm.displayName("product.product", (Integer) row.get("product_id")));
                }
                if (row.get("price_unit") == null) {
                    row.put("price_unit", product == null ? 0.0 : product.get("list_price"));
                }
            }
            case "stock.move" -> {
                if (row.get("name") == null && row.get("product_id") != null) {
                    row.put("name", orm.displayName("product.product", (Integer) row.get("product_id")));
                }
            }
            case "stock.picking" -> {
                Map<String, Object> type = orm.row("stock.picking.type", (Integer) row.get("picking_type_id"));
                if ("/".equals(row.get("name")) && type != null) {
                    Map<String, Object> wh = orm.row("stock.warehouse", (Integer) type.get("warehouse_id"));
                    String prefix = (wh == null ? "" : wh.get("code") + "/") + type.get("sequence_code") + "/";
                    row.put("name", orm.nextSequence(prefix, prefix));
                }
                if (type != null && row.get("location_id") == null) {
                    row.put("location_id", type.get("default_location_src_id"));
                }
                if (type != null && row.get("location_dest_id") == null) {
                    row.put("location_dest_id", type.get("default_location_dest_id"));
                }
            }
            default -> {
            }
        }
    }

    static void afterCreate(Orm orm, Model model, int id) {
        if (model.name.equals("stock.return.picking")) {
            Returns.afterCreate(orm, id);
        }
    }

    static void beforeUnlink(Orm orm, Model model, List<Integer> ids) {
        for (Integer id : ids) {
            Map<String, Object> row = orm.row(model.name, id);
            if (model.name.equals("sale.order") && "sale".equals(row.get("state"))) {
                throw OdooError.userError("You can not delete a sent quotation or a confirmed sales order. "
                        + "You must first cancel it.");
            }
            if (model.name.equals("account.move") && "posted".equals(row.get("state"))) {
                throw OdooError.userError("You cannot delete an entry which has been posted once.");
            }
        }
    }

    static boolean confirmOrders(Orm orm, List<Integer> ids) {
        Model order = orm.model("sale.order");
        orm.ensureExist(order, ids);
        for (Integer id : ids) {
            if (!Set.of("draft", "sent").contains(orm.row("sale.order", id).get("state"))) {
                throw OdooError.userError("Some orders are not in a state requiring confirmation.");
            }
        }
        for (Integer id : ids) {
            Object before = orm.row("sale.order", id).get("state");
            orm.write(order, List.of(id), Map.of("state", "sale", "date_order", orm.now()));
            Chatter.track(orm, "sale.order", id, "sale.mt_order_confirmed", "state", before, "sale");
            Map<String, Object> row = orm.row("sale.order", id);
            List<Map<String, Object>> lines = Pickings.goodsLines(orm, "sale.order.line", id);
            if (lines.isEmpty()) {
                continue;
            }
            String origin = row.get("name") + (row.get("client_order_ref") == null
                    ? ""
                    : " - " + row.get("client_order_ref"));
            Map<String, Object> picking = new LinkedHashMap<>();
            picking.put("partner_id", row.get("partner_id"));
            picking.put("origin", origin);
            picking.put("sale_id", id);
            picking.put("carrier_id", row.get("carrier_id") == null ? false : row.get("carrier_id"));
            Pickings.createForLines(orm, "outgoing", picking, lines, "product_uom_qty", "sale_line_id",
                    row.get("name"));
        }
        return true;
    }

    static boolean cancelOrders(Orm orm, List<Integer> ids) {
        Model order = orm.model("sale.order");
        orm.ensureExist(order, ids);
        for (Integer id : ids) {
            for (Map<String, Object> picking : orm.children("stock.picking", "sale_id", id)) {
                if (!"done".equals(picking.get("state"))) {
                    Integer pickingId = (Integer) picking.get("id");
                    for (Map<String, Object> move : orm.children("stock.move", "picking_id", pickingId)) {
                        orm.write(orm.model("stock.move"), List.of((Integer) move.get("id")),
                                Map.of("state", "cancel", "quantity", 0.0));
                    }
                    orm.write(orm.model("stock.picking"), List.of(pickingId), Map.of("state", "cancel"));
                }
            }
            Object before = orm.row("sale.order", id).get("state");
            orm.write(order, List.of(id), Map.of("state", "cancel"));
            if (!"cancel".equals(before)) {
                Chatter.track(orm, "sale.order", id, "mail.mt_note", "state", before, "cancel");
            }
        }
        return true;
    }
}
