package io.portage.odoo.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The business methods Portage calls (order confirmation, picking validation and its backorder wizard) and the
 * create/unlink rules of those models, after Odoo 17/18's {@code sale_stock}, {@code stock} and {@code account}
 * (journal entries themselves: {@link Accounting}).
 */
final class Flows {

    static final String NO_QUANTITIES = "You cannot validate a transfer if no quantities are reserved nor done. "
            + "To force the transfer, encode quantities.";
    private static final Set<String> ACTIVE = Set.of("draft", "waiting", "confirmed", "partially_available",
            "assigned");

    private Flows() {
    }

    static void beforeCreate(Orm orm, Model model, Map<String, Object> row) {
        switch (model.name) {
            case "sale.order" -> {
                if ("New".equals(row.get("name"))) {
                    row.put("name", orm.nextSequence("sale.order", "S"));
                }
            }
            case "account.move", "account.move.line" -> Accounting.beforeCreate(orm, model, row);
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
        Map<String, Object> type = orm.rows("stock.picking.type")
                .stream()
                .filter(t -> "outgoing".equals(t.get("code")))
                .findFirst()
                .orElseThrow();
        for (Integer id : ids) {
            orm.write(order, List.of(id), Map.of("state", "sale", "date_order", orm.now()));
            Map<String, Object> row = orm.row("sale.order", id);
            List<Map<String, Object>> lines = orm.children("sale.order.line", "order_id", id)
                    .stream()
                    .filter(l -> l.get("product_id") != null && !"service"
                            .equals(orm.row("product.product", (Integer) l.get("product_id")).get("type")))
                    .toList();
            if (lines.isEmpty()) {
                continue;
            }
            String origin = row.get("name") + (row.get("client_order_ref") == null
                    ? ""
                    : " - " + row.get("client_order_ref"));
            Map<String, Object> picking = new LinkedHashMap<>();
            picking.put("picking_type_id", type.get("id"));
            picking.put("partner_id", row.get("partner_id"));
            picking.put("origin", origin);
            picking.put("sale_id", id);
            picking.put("carrier_id", row.get("carrier_id") == null ? false : row.get("carrier_id"));
            picking.put("state", "confirmed");
            int pickingId = orm.createOne(orm.model("stock.picking"), picking);
            Map<String, Object> created = orm.row("stock.picking", pickingId);
            for (Map<String, Object> line : lines) {
                Map<String, Object> move = new LinkedHashMap<>();
                move.put("picking_id", pickingId);
                move.put("product_id", line.get("product_id"));
                move.put("product_uom_qty", line.get("product_uom_qty"));
                move.put("quantity", 0.0);
                move.put("state", "confirmed");
                move.put("location_id", created.get("location_id"));
                move.put("location_dest_id", created.get("location_dest_id"));
                move.put("sale_line_id", line.get("id"));
                move.put("origin", row.get("name"));
                orm.createOne(orm.model("stock.move"), move);
            }
            reserve(orm, pickingId);
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
            orm.write(order, List.of(id), Map.of("state", "cancel"));
        }
        return true;
    }

    static Object validate(Orm orm, List<Integer> ids) {
        orm.ensureExist(orm.model("stock.picking"), ids);
        List<Integer> needBackorder = new ArrayList<>();
        for (Integer id : ids) {
            List<Map<String, Object>> all = orm.children("stock.move", "picking_id", id);
            if (all.isEmpty()) {
                throw OdooError.userError("You can’t validate an empty transfer. Please add some products to move "
                        + "before proceeding.");
            }
            List<Map<String, Object>> active = all.stream().filter(m -> ACTIVE.contains(m.get("state"))).toList();
            if (active.stream().allMatch(m -> quantity(m, "quantity") <= 0.0)) {
                throw OdooError.userError(NO_QUANTITIES);
            }
            if (active.stream().anyMatch(m -> quantity(m, "quantity") < quantity(m, "product_uom_qty"))) {
                needBackorder.add(id);
            }
        }
        if (!needBackorder.isEmpty()) {
            return backorderWizard(needBackorder);
        }
        for (Integer id : ids) {
            done(orm, id, false);
        }
        return true;
    }

    static boolean processBackorder(Orm orm, List<Integer> wizardIds, boolean createBackorder) {
        Model wizard = orm.model("stock.backorder.confirmation");
        orm.ensureExist(wizard, wizardIds);
        for (Integer wizardId : wizardIds) {
            @SuppressWarnings("unchecked")
            List<Integer> pickings = (List<Integer>) orm.row(wizard.name, wizardId).get("pick_ids");
            for (Integer pickingId : pickings) {
                if (!"done".equals(orm.row("stock.picking", pickingId).get("state"))) {
                    done(orm, pickingId, createBackorder);
                }
            }
        }
        return true;
    }

    private static Map<String, Object> backorderWizard(List<Integer> pickingIds) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("button_validate_picking_ids", pickingIds);
        context.put("default_show_transfers", false);
        context.put("default_pick_ids", pickingIds.stream().map(id -> List.of(4, id)).toList());
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", "Create Backorder?");
        action.put("type", "ir.actions.act_window");
        action.put("view_mode", "form");
        action.put("res_model", "stock.backorder.confirmation");
        action.put("views", List.of(List.of(false, "form")));
        action.put("view_id", false);
        action.put("target", "new");
        action.put("context", context);
        return action;
    }

    private static void done(Orm orm, Integer pickingId, boolean createBackorder) {
        Model pickingModel = orm.model("stock.picking");
        Model moveModel = orm.model("stock.move");
        Map<String, Object> picking = orm.row(pickingModel.name, pickingId);
        Integer backorderId = null;
        for (Map<String, Object> move : orm.children(moveModel.name, "picking_id", pickingId)) {
            if (!ACTIVE.contains(move.get("state"))) {
                continue;
            }
            Integer moveId = (Integer) move.get("id");
            double quantity = quantity(move, "quantity");
            double demand = quantity(move, "product_uom_qty");
            if (quantity < demand && createBackorder && backorderId == null) {
                Map<String, Object> vals = new LinkedHashMap<>();
                for (String field : List.of("picking_type_id", "partner_id", "origin", "location_id",
                        "location_dest_id", "sale_id", "carrier_id", "scheduled_date")) {
                    vals.put(field, picking.get(field));
                }
                vals.put("backorder_id", pickingId);
                vals.put("state", "confirmed");
                backorderId = orm.createOne(pickingModel, vals);
            }
            if (quantity <= 0.0) {
                orm.write(moveModel, List.of(moveId), createBackorder
                        ? Map.of("picking_id", backorderId, "state",
                                "confirmed")
                        : Map.of("state", "cancel"));
                continue;
            }
            if (quantity < demand && createBackorder) {
                Map<String, Object> rest = new LinkedHashMap<>();
                for (String field : List.of("product_id", "location_id", "location_dest_id", "sale_line_id",
                        "origin")) {
                    rest.put(field, move.get(field));
                }
                rest.put("picking_id", backorderId);
                rest.put("product_uom_qty", demand - quantity);
                rest.put("quantity", 0.0);
                rest.put("state", "confirmed");
                orm.createOne(moveModel, rest);
            }
            orm.write(moveModel, List.of(moveId),
                    Map.of("state", "done", "product_uom_qty", Math.min(quantity, demand)));
            if (storable(orm, (Integer) move.get("product_id"))) {
                consume(orm, (Integer) move.get("product_id"), (Integer) move.get("location_id"), quantity);
            }
        }
        orm.write(pickingModel, List.of(pickingId), Map.of("state", "done", "date_done", orm.now()));
        if (backorderId != null) {
            reserve(orm, backorderId);
        }
    }

    private static void reserve(Orm orm, Integer pickingId) {
        Model moveModel = orm.model("stock.move");
        boolean anyAvailable = false;
        for (Map<String, Object> move : orm.children(moveModel.name, "picking_id", pickingId)) {
            if (!Set.of("confirmed", "partially_available").contains(move.get("state"))) {
                anyAvailable |= "assigned".equals(move.get("state"));
                continue;
            }
            Integer productId = (Integer) move.get("product_id");
            double demand = quantity(move, "product_uom_qty");
            double reserved = demand;
            if (storable(orm, productId)) {
                double available = orm.onHand(productId) - reservedElsewhere(orm, productId, (Integer) move.get("id"));
                reserved = Math.max(0.0, Math.min(demand, available));
            }
            String state = reserved >= demand ? "assigned" : reserved > 0.0 ? "partially_available" : "confirmed";
            anyAvailable |= reserved > 0.0;
            orm.write(moveModel, List.of((Integer) move.get("id")), Map.of("quantity", reserved, "state", state));
        }
        orm.write(orm.model("stock.picking"), List.of(pickingId),
                Map.of("state", anyAvailable ? "assigned" : "confirmed"));
    }

    private static double reservedElsewhere(Orm orm, Integer productId, Integer moveId) {
        double total = 0.0;
        for (Map<String, Object> move : orm.rows("stock.move")) {
            if (productId.equals(move.get("product_id")) && !moveId.equals(move.get("id"))
                    && Set.of("assigned", "partially_available").contains(move.get("state"))) {
                total += quantity(move, "quantity");
            }
        }
        return total;
    }

    private static void consume(Orm orm, Integer productId, Integer locationId, double quantity) {
        Map<String, Object> location = orm.row("stock.location", locationId);
        if (location == null || !"internal".equals(location.get("usage"))) {
            return;
        }
        Model quantModel = orm.model("stock.quant");
        for (Map<String, Object> quant : orm.rows(quantModel.name)) {
            if (productId.equals(quant.get("product_id")) && locationId.equals(quant.get("location_id"))) {
                orm.write(quantModel, List.of((Integer) quant.get("id")),
                        Map.of("quantity", quantity(quant, "quantity") - quantity));
                return;
            }
        }
        orm.createOne(quantModel, Map.of("product_id", productId, "location_id", locationId, "quantity", -quantity));
    }

    static boolean storable(Orm orm, Integer productId) {
        Map<String, Object> product = orm.row("product.product", productId);
        if (product == null) {
            return false;
        }
        return orm.major >= 18 ? Boolean.TRUE.equals(product.get("is_storable")) : "product".equals(product.get("type"));
    }

    private static double quantity(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value == null ? 0.0 : ((Number) value).doubleValue();
    }
}
