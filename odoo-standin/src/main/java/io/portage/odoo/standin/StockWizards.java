package io.portage.odoo.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stock wizards as Odoo 17/18 write them: the backorder confirmation and {@code stock_sms}'s confirmation act on
 * the pickings their context names ({@code button_validate_picking_ids}), so one created without that context
 * validates nothing; and scraps with their insufficient-quantity wizard.
 */
final class StockWizards {

    private StockWizards() {
    }

    static void register(Methods methods) {
        methods.register("stock.backorder.confirmation", "process", c -> backorder(c, true));
        methods.register("stock.backorder.confirmation", "process_cancel_backorder", c -> backorder(c, false));
        methods.register("confirm.stock.sms", "send_sms", c -> sms(c, true));
        methods.register("confirm.stock.sms", "dont_send_sms", c -> sms(c, false));
        methods.register("stock.scrap", "action_validate", StockWizards::validateScrap);
        methods.register("stock.scrap", "do_scrap", c -> {
            c.ids().forEach(id -> scrap(c.orm(), id));
            return true;
        });
        methods.register("stock.warn.insufficient.qty.scrap", "action_done", c -> {
            c.orm().ensureExist(c.model(), c.ids());
            for (Integer id : c.ids()) {
                Integer scrap = (Integer) c.orm().row(c.model().name, id).get("scrap_id");
                if (scrap != null) {
                    scrap(c.orm(), scrap);
                }
            }
            return true;
        });
    }

    /**
     * {@code process}: validates {@code button_validate_picking_ids} again with {@code skip_backorder} (and, for
     * {@code process_cancel_backorder}, {@code picking_ids_not_to_backorder} = the wizard's pickings); without that
     * context it answers {@code true} and does nothing (ODOO.md, "Wizards").
     */
    private static Object backorder(Methods.Call c, boolean createBackorder) {
        Orm orm = c.orm();
        orm.ensureExist(c.model(), c.ids());
        List<Integer> pickings = X2many.toIds(c.context().get("button_validate_picking_ids"));
        if (pickings.isEmpty()) {
            return true;
        }
        Map<String, Object> context = new LinkedHashMap<>(c.context());
        context.put("skip_backorder", true);
        if (!createBackorder) {
            List<Integer> wizardPicks = c.ids()
                    .stream()
                    .flatMap(id -> X2many.toIds(orm.row(c.model().name, id).get("pick_ids")).stream())
                    .toList();
            context.put("picking_ids_not_to_backorder", wizardPicks);
        }
        return Pickings.validate(orm, pickings, context);
    }

    /**
     * {@code send_sms} / {@code dont_send_sms}: the company's answer is written on {@code res.company} (which the
     * integration user may not write, ODOO.md), then the pickings of the context are validated again.
     */
    private static Object sms(Methods.Call c, boolean send) {
        Orm orm = c.orm();
        orm.ensureExist(c.model(), c.ids());
        orm.access.check(orm.model("res.company"), "write");
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("has_received_warning_stock_sms", true);
        if (!send) {
            vals.put("stock_move_sms_validation", false);
        }
        orm.write(orm.model("res.company"), List.of(1), vals);
        List<Integer> pickings = X2many.toIds(c.context().get("button_validate_picking_ids"));
        return pickings.isEmpty() ? true : Pickings.validate(orm, pickings, c.context());
    }

    /**
     * {@code stock.scrap.action_validate}: scraps at once when the source location holds enough (or the product is not
     * tracked); otherwise answers the {@code stock.warn.insufficient.qty.scrap} wizard, whose context names the scrap.
     */
    private static Object validateScrap(Methods.Call c) {
        Orm orm = c.orm();
        orm.ensureExist(c.model(), c.ids());
        if (c.ids().size() != 1) {
            throw OdooError.valueError("Expected singleton: stock.scrap" + c.ids());
        }
        Integer id = c.ids().get(0);
        Map<String, Object> scrap = orm.row("stock.scrap", id);
        if ("done".equals(scrap.get("state"))) {
            return true;
        }
        double quantity = Pickings.quantity(scrap, "scrap_qty");
        if (quantity <= 0.0) {
            throw OdooError.userError("You can only enter positive quantities.");
        }
        Integer productId = (Integer) scrap.get("product_id");
        Integer locationId = (Integer) scrap.get("location_id");
        if (!Pickings.storable(orm, productId) || !Pickings.internal(orm, locationId)
                || available(orm, productId, locationId) >= quantity) {
            scrap(orm, id);
            return true;
        }
        Map<String, Object> context = new LinkedHashMap<>(c.context());
        context.put("default_product_id", productId);
        context.put("default_location_id", locationId);
        context.put("default_scrap_id", id);
        context.put("default_quantity", quantity);
        return Pickings.action(orm.displayName("product.product", productId) + ": Insufficient Quantity To Scrap",
                "stock.warn.insufficient.qty.scrap", null, context);
    }

    private static double available(Orm orm, Integer productId, Integer locationId) {
        return orm.rows("stock.quant")
                .stream()
                .filter(q -> productId.equals(q.get("product_id")) && locationId.equals(q.get("location_id")))
                .mapToDouble(q -> Pickings.quantity(q, "quantity"))
                .sum();
    }

    /** {@code do_scrap}: a done move from the scrap's location to the scrap location; stock goes down. */
    private static void scrap(Orm orm, Integer id) {
        Map<String, Object> scrap = orm.row("stock.scrap", id);
        if ("done".equals(scrap.get("state"))) {
            return;
        }
        double quantity = Pickings.quantity(scrap, "scrap_qty");
        Map<String, Object> move = new LinkedHashMap<>();
        move.put("product_id", scrap.get("product_id"));
        move.put("product_uom_qty", quantity);
        move.put("quantity", quantity);
        move.put("picked", true);
        move.put("location_id", scrap.get("location_id"));
        move.put("location_dest_id", scrap.get("scrap_location_id"));
        move.put("origin", scrap.get("origin") == null ? scrap.get("name") : scrap.get("origin"));
        move.put("state", "done");
        int moveId = orm.createOne(orm.model("stock.move"), move);
        Pickings.moveStock(orm, orm.row("stock.move", moveId), quantity);
        orm.write(orm.model("stock.scrap"), List.of(id), Map.of("state", "done", "date_done", orm.now()));
    }
}
