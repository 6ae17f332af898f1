package io.portage.odoo.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Returns of done transfers ({@code stock.return.picking}, Odoo 17/18): the wizard's lines come from the picking's
 * done moves with quantity 0, {@code action_create_returns} makes the return picking and posts its origin in the
 * chatter (so the user needs an e-mail); {@code to_refund} lines lower the delivered or received quantity.
 */
final class Returns {

    private Returns() {
    }

    static void register(Methods methods) {
        methods.register("stock.return.picking", "action_create_returns", Returns::createReturns);
    }

    /** On create with a {@code picking_id}: only a done picking can be returned; one line per done move. */
    static void afterCreate(Orm orm, int wizardId) {
        Map<String, Object> wizard = orm.row("stock.return.picking", wizardId);
        Integer pickingId = (Integer) wizard.get("picking_id");
        if (pickingId == null) {
            return;
        }
        if (!"done".equals(orm.row("stock.picking", pickingId).get("state"))) {
            throw OdooError.userError("You may only return Done pickings.");
        }
        if (!orm.children("stock.return.picking.line", "wizard_id", wizardId).isEmpty()) {
            return;
        }
        for (Map<String, Object> move : orm.children("stock.move", "picking_id", pickingId)) {
            if ("done".equals(move.get("state"))) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("wizard_id", wizardId);
                line.put("product_id", move.get("product_id"));
                line.put("quantity", 0.0);
                line.put("move_id", move.get("id"));
                orm.createOne(orm.model("stock.return.picking.line"), line);
            }
        }
    }

    private static Object createReturns(Methods.Call c) {
        Orm orm = c.orm();
        orm.ensureExist(c.model(), c.ids());
        if (c.ids().size() != 1) {
            throw OdooError.valueError("Expected singleton: stock.return.picking" + c.ids());
        }
        Map<String, Object> wizard = orm.row("stock.return.picking", c.ids().get(0));
        List<Map<String, Object>> lines = orm.children("stock.return.picking.line", "wizard_id", wizard.get("id"))
                .stream()
                .filter(line -> Pickings.quantity(line, "quantity") > 0.0)
                .toList();
        if (lines.isEmpty()) {
            throw OdooError.userError("Please specify at least one non-zero quantity.");
        }
        Map<String, Object> original = orm.row("stock.picking", (Integer) wizard.get("picking_id"));
        String code = (String) orm.row("stock.picking.type", (Integer) original.get("picking_type_id")).get("code");
        Object returnType = orm.rows("stock.picking.type")
                .stream()
                .filter(t -> ("outgoing".equals(code) ? "incoming" : "outgoing").equals(t.get("code")))
                .map(t -> t.get("id"))
                .findFirst()
                .orElse(original.get("picking_type_id"));
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("picking_type_id", returnType);
        vals.put("partner_id", original.get("partner_id"));
        vals.put("origin", "Return of " + original.get("name"));
        vals.put("location_id", original.get("location_dest_id"));
        vals.put("location_dest_id", original.get("location_id"));
        vals.put("return_id", original.get("id"));
        vals.put("sale_id", original.get("sale_id"));
        vals.put("purchase_id", original.get("purchase_id"));
        vals.put("state", "confirmed");
        int returnId = orm.createOne(orm.model("stock.picking"), vals);
        for (Map<String, Object> line : lines) {
            Map<String, Object> move = orm.row("stock.move", (Integer) line.get("move_id"));
            Map<String, Object> moveVals = new LinkedHashMap<>();
            moveVals.put("picking_id", returnId);
            moveVals.put("product_id", line.get("product_id"));
            moveVals.put("product_uom_qty", line.get("quantity"));
            moveVals.put("quantity", 0.0);
            moveVals.put("state", "confirmed");
            moveVals.put("location_id", original.get("location_dest_id"));
            moveVals.put("location_dest_id", original.get("location_id"));
            moveVals.put("origin_returned_move_id", line.get("move_id"));
            moveVals.put("to_refund", line.get("to_refund"));
            moveVals.put("origin", "Return of " + original.get("name"));
            if (move != null) {
                moveVals.put("sale_line_id", move.get("sale_line_id"));
                moveVals.put("purchase_line_id", move.get("purchase_line_id"));
            }
            orm.createOne(orm.model("stock.move"), moveVals);
        }
        Pickings.reserve(orm, returnId);
        Chatter.post(orm, "stock.picking", returnId, "This transfer has been created from " + original.get("name")
                + ".");
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", "Returned Picking");
        action.put("view_mode", "form,list,calendar");
        action.put("res_model", "stock.picking");
        action.put("res_id", returnId);
        action.put("type", "ir.actions.act_window");
        action.put("context", c.context());
        return action;
    }
}
