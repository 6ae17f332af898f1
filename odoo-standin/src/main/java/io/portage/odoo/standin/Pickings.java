package io.portage.odoo.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code stock.picking.button_validate} as Odoo 17/18 runs it, with its context ({@code skip_backorder},
 * {@code picking_ids_not_to_backorder}, {@code skip_sms}, {@code button_validate_picking_ids}), the backorder wizard
 * and then the SMS wizard of {@code stock_sms}, and what a done move does to stock.
 */
final class Pickings {

    static final String NO_QUANTITIES = "You cannot validate a transfer if no quantities are reserved nor done. "
            + "To force the transfer, encode quantities.";
    static final Set<String> ACTIVE = Set.of("draft", "waiting", "confirmed", "partially_available", "assigned");

    private Pickings() {
    }

    static void register(Methods methods) {
        methods.register("stock.picking", "button_validate", c -> validate(c.orm(), c.ids(), c.context()));
    }

    /**
     * Validates the pickings: a done picking is left as it is; when less than the demand is done the backorder wizard
     * is answered first (unless {@code skip_backorder}), then the SMS wizard (unless {@code skip_sms}); the context is
     * copied into the wizards' actions.
     */
    static Object validate(Orm orm, List<Integer> ids, Map<String, Object> context) {
        orm.ensureExist(orm.model("stock.picking"), ids);
        List<Integer> todo = ids.stream()
                .filter(id -> ACTIVE.contains(orm.row("stock.picking", id).get("state")))
                .toList();
        if (todo.isEmpty()) {
            return true;
        }
        Map<String, Object> ctx = new LinkedHashMap<>(context);
        ctx.putIfAbsent("button_validate_picking_ids", ids);
        List<Integer> needBackorder = new ArrayList<>();
        for (Integer id : todo) {
            List<Map<String, Object>> all = orm.children("stock.move", "picking_id", id);
            if (all.isEmpty()) {
                throw OdooError.userError("You can’t validate an empty transfer. Please add some products to move "
                        + "before proceeding.");
            }
            List<Map<String, Object>> active = all.stream().filter(m -> ACTIVE.contains(m.get("state"))).toList();
            boolean anyPicked = active.stream().anyMatch(m -> Boolean.TRUE.equals(m.get("picked")));
            if (active.stream().allMatch(m -> done(m, anyPicked) <= 0.0)) {
                throw OdooError.userError(NO_QUANTITIES);
            }
            if (active.stream().anyMatch(m -> done(m, anyPicked) < quantity(m, "product_uom_qty"))) {
                needBackorder.add(id);
            }
        }
        if (!needBackorder.isEmpty() && !Boolean.TRUE.equals(ctx.get("skip_backorder"))) {
            ctx.put("default_show_transfers", false);
            ctx.put("default_pick_ids", needBackorder.stream().map(id -> List.of(4, id)).toList());
            return action("Create Backorder?", "stock.backorder.confirmation", null, ctx);
        }
        if (!Boolean.TRUE.equals(ctx.get("skip_sms"))) {
            List<Integer> warn = todo.stream().filter(id -> warnSms(orm, id)).toList();
            if (!warn.isEmpty()) {
                Map<String, Object> vals = Map.of("pick_ids", warn.stream().map(id -> List.of(4, id)).toList());
                int wizard = orm.createOne(orm.model("confirm.stock.sms"), vals);
                return action("SMS", "confirm.stock.sms", wizard, ctx);
            }
        }
        List<Integer> notToBackorder = X2many.toIds(ctx.get("picking_ids_not_to_backorder"));
        for (Integer id : todo) {
            done(orm, id, !notToBackorder.contains(id));
        }
        return true;
    }

    /** {@code _check_warn_sms}: a delivery to a customer with a phone, while the company has not answered the wizard. */
    private static boolean warnSms(Orm orm, Integer pickingId) {
        Map<String, Object> picking = orm.row("stock.picking", pickingId);
        Map<String, Object> company = orm.row("res.company", 1);
        Map<String, Object> partner = orm.row("res.partner", (Integer) picking.get("partner_id"));
        return "outgoing".equals(orm.row("stock.picking.type", (Integer) picking.get("picking_type_id")).get("code"))
                && Boolean.TRUE.equals(company.get("stock_move_sms_validation"))
                && !Boolean.TRUE.equals(company.get("has_received_warning_stock_sms")) && partner != null
                && partner.get("phone") != null;
    }

    static Map<String, Object> action(String name, String model, Integer resId, Map<String, Object> context) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", name);
        action.put("type", "ir.actions.act_window");
        action.put("view_mode", "form");
        action.put("res_model", model);
        action.put("views", List.of(List.of(false, "form")));
        action.put("view_id", false);
        action.put("target", "new");
        if (resId != null) {
            action.put("res_id", resId);
        }
        action.put("context", context);
        return action;
    }

    /** What a move counts as done: its quantity, or nothing when other moves of its picking are picked and it is not. */
    private static double done(Map<String, Object> move, boolean anyPicked) {
        return anyPicked && !Boolean.TRUE.equals(move.get("picked")) ? 0.0 : quantity(move, "quantity");
    }

    private static void done(Orm orm, Integer pickingId, boolean createBackorder) {
        Model pickingModel = orm.model("stock.picking");
        Model moveModel = orm.model("stock.move");
        Map<String, Object> picking = orm.row(pickingModel.name, pickingId);
        Integer backorderId = null;
        List<Map<String, Object>> moves = orm.children(moveModel.name, "picking_id", pickingId)
                .stream()
                .filter(m -> ACTIVE.contains(m.get("state")))
                .toList();
        boolean anyPicked = moves.stream().anyMatch(m -> Boolean.TRUE.equals(m.get("picked")));
        for (Map<String, Object> move : moves) {
            Integer moveId = (Integer) move.get("id");
            double quantity = done(move, anyPicked);
            double demand = quantity(move, "product_uom_qty");
            if (quantity < demand && createBackorder && backorderId == null) {
                Map<String, Object> vals = new LinkedHashMap<>();
                for (String field : List.of("picking_type_id", "partner_id", "origin", "location_id",
                        "location_dest_id", "sale_id", "purchase_id", "carrier_id", "scheduled_date")) {
                    vals.put(field, picking.get(field));
                }
                vals.put("backorder_id", pickingId);
                vals.put("state", "confirmed");
                backorderId = orm.createOne(pickingModel, vals);
                Chatter.post(orm, "stock.picking", pickingId, "The backorder " + orm.displayName("stock.picking",
                        backorderId) + " has been created.");
            }
            if (quantity <= 0.0) {
                orm.write(moveModel, List.of(moveId), createBackorder
                        ? Map.of("picking_id", backorderId, "state", "confirmed", "quantity", 0.0, "picked", false)
                        : Map.of("state", "cancel", "quantity", 0.0));
                continue;
            }
            if (quantity < demand && createBackorder) {
                Map<String, Object> rest = new LinkedHashMap<>();
                for (String field : List.of("product_id", "location_id", "location_dest_id", "sale_line_id",
                        "purchase_line_id", "origin")) {
                    rest.put(field, move.get(field));
                }
                rest.put("picking_id", backorderId);
                rest.put("product_uom_qty", demand - quantity);
                rest.put("quantity", 0.0);
                rest.put("state", "confirmed");
                orm.createOne(moveModel, rest);
            }
            orm.write(moveModel, List.of(moveId), Map.of("state", "done", "quantity", quantity, "picked", true,
                    "product_uom_qty", Math.min(quantity, demand)));
            moveStock(orm, move, quantity);
        }
        orm.write(pickingModel, List.of(pickingId), Map.of("state", "done", "date_done", orm.now()));
        if (backorderId != null) {
            reserve(orm, backorderId);
        }
    }

    /** The lines of an order ({@code order_id}) whose product is goods, not a service: those that make moves. */
    static List<Map<String, Object>> goodsLines(Orm orm, String lineModel, Integer orderId) {
        return orm.children(lineModel, "order_id", orderId)
                .stream()
                .filter(l -> l.get("product_id") != null && !"service"
                        .equals(orm.row("product.product", (Integer) l.get("product_id")).get("type")))
                .toList();
    }

    /**
     * A picking of the warehouse's operation type {@code code} ({@code incoming}, {@code outgoing}) for order lines: one
     * confirmed move per line (demand from {@code quantityField}, linked back by {@code lineLink}), then reserved.
     */
    static int createForLines(Orm orm, String code, Map<String, Object> pickingVals, List<Map<String, Object>> lines,
            String quantityField, String lineLink, Object origin) {
        Map<String, Object> vals = new LinkedHashMap<>(pickingVals);
        vals.put("picking_type_id", orm.rows("stock.picking.type")
                .stream()
                .filter(t -> code.equals(t.get("code")))
                .findFirst()
                .orElseThrow()
                .get("id"));
        vals.put("state", "confirmed");
        int pickingId = orm.createOne(orm.model("stock.picking"), vals);
        Map<String, Object> created = orm.row("stock.picking", pickingId);
        for (Map<String, Object> line : lines) {
            Map<String, Object> move = new LinkedHashMap<>();
            move.put("picking_id", pickingId);
            move.put("product_id", line.get("product_id"));
            move.put("product_uom_qty", line.get(quantityField));
            move.put("quantity", 0.0);
            move.put("state", "confirmed");
            move.put("location_id", created.get("location_id"));
            move.put("location_dest_id", created.get("location_dest_id"));
            move.put(lineLink, line.get("id"));
            move.put("origin", origin);
            orm.createOne(orm.model("stock.move"), move);
        }
        reserve(orm, pickingId);
        return pickingId;
    }

    /** A done move takes its quantity out of an internal source location and into an internal destination. */
    static void moveStock(Orm orm, Map<String, Object> move, double quantity) {
        Integer productId = (Integer) move.get("product_id");
        if (!storable(orm, productId)) {
            return;
        }
        addQuant(orm, productId, (Integer) move.get("location_id"), -quantity);
        addQuant(orm, productId, (Integer) move.get("location_dest_id"), quantity);
    }

    /**
     * Reserves the confirmed moves of a picking: from an internal location what is on hand and not reserved elsewhere,
     * from anywhere else (vendors, customers) the whole demand, as a receipt arrives pre-filled.
     */
    static void reserve(Orm orm, Integer pickingId) {
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
            if (storable(orm, productId) && internal(orm, (Integer) move.get("location_id"))) {
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
                    && Set.of("assigned", "partially_available").contains(move.get("state"))
                    && internal(orm, (Integer) move.get("location_id"))) {
                total += quantity(move, "quantity");
            }
        }
        return total;
    }

    static boolean internal(Orm orm, Integer locationId) {
        Map<String, Object> location = orm.row("stock.location", locationId);
        return location != null && "internal".equals(location.get("usage"));
    }

    private static void addQuant(Orm orm, Integer productId, Integer locationId, double quantity) {
        if (!internal(orm, locationId)) {
            return;
        }
        Model quantModel = orm.model("stock.quant");
        for (Map<String, Object> quant : orm.rows(quantModel.name)) {
            if (productId.equals(quant.get("product_id")) && locationId.equals(quant.get("location_id"))) {
                orm.write(quantModel, List.of((Integer) quant.get("id")),
                        Map.of("quantity", quantity(quant, "quantity") + quantity));
                return;
            }
        }
        orm.createOne(quantModel, Map.of("product_id", productId, "location_id", locationId, "quantity", quantity));
    }

    static boolean storable(Orm orm, Integer productId) {
        Map<String, Object> product = orm.row("product.product", productId);
        if (product == null) {
            return false;
        }
        return orm.major >= 18 ? Boolean.TRUE.equals(product.get("is_storable")) : "product".equals(product.get("type"));
    }

    static double quantity(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value == null ? 0.0 : ((Number) value).doubleValue();
    }
}
