package io.portage.odoo.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Purchase orders as Odoo 17/18's {@code purchase_stock} runs them: {@code button_confirm} makes the receipt with its
 * moves pre-filled, and the computed fields a dock appointment is checked against ({@code date_planned},
 * {@code receipt_status}, the lines' {@code qty_received}).
 */
final class Purchases {

    private Purchases() {
    }

    static void register(Methods methods) {
        methods.register("purchase.order", "button_confirm", c -> confirm(c.orm(), c.ids()));
    }

    /** Orders in draft or sent go to {@code purchase} with one receipt; others are left alone (Odoo skips them). */
    static boolean confirm(Orm orm, List<Integer> ids) {
        Model order = orm.model("purchase.order");
        orm.ensureExist(order, ids);
        for (Integer id : ids) {
            Map<String, Object> row = orm.row(order.name, id);
            if (!Set.of("draft", "sent").contains(row.get("state"))) {
                continue;
            }
            orm.write(order, List.of(id), Map.of("state", "purchase", "date_approve", orm.now()));
            List<Map<String, Object>> lines = Pickings.goodsLines(orm, "purchase.order.line", id);
            if (lines.isEmpty()) {
                continue;
            }
            Map<String, Object> picking = new LinkedHashMap<>();
            picking.put("partner_id", row.get("partner_id"));
            picking.put("origin", row.get("name"));
            picking.put("purchase_id", id);
            Object planned = datePlanned(orm, row);
            if (planned != null) {
                picking.put("scheduled_date", planned);
            }
            Pickings.createForLines(orm, "incoming", picking, lines, "product_qty", "purchase_line_id",
                    row.get("name"));
        }
        return true;
    }

    /** The earliest {@code date_planned} of the lines (the header's value is not copied to the lines over the API). */
    static Object datePlanned(Orm orm, Map<String, Object> order) {
        return orm.children("purchase.order.line", "order_id", order.get("id"))
                .stream()
                .map(line -> (String) line.get("date_planned"))
                .filter(date -> date != null)
                .min(String::compareTo)
                .orElse(null);
    }

    /** {@code false} without receipts, {@code full} when every receipt is done or cancelled, partial, else pending. */
    static Object receiptStatus(Orm orm, Map<String, Object> order) {
        List<Object> states = orm.children("stock.picking", "purchase_id", order.get("id"))
                .stream()
                .map(p -> p.get("state"))
                .toList();
        if (states.isEmpty() || states.stream().allMatch("cancel"::equals)) {
            return null;
        }
        if (states.stream().allMatch(s -> "done".equals(s) || "cancel".equals(s))) {
            return "full";
        }
        return states.contains("done") ? "partial" : "pending";
    }

    /** Done moves of the line into stock, less returns to the vendor made with {@code to_refund}. */
    static Object received(Orm orm, Map<String, Object> line) {
        double total = 0.0;
        for (Map<String, Object> move : orm.children("stock.move", "purchase_line_id", line.get("id"))) {
            if (!"done".equals(move.get("state"))) {
                continue;
            }
            Map<String, Object> dest = orm.row("stock.location", (Integer) move.get("location_dest_id"));
            if (!"supplier".equals(dest.get("usage"))) {
                total += Pickings.quantity(move, "quantity");
            } else if (Boolean.TRUE.equals(move.get("to_refund"))) {
                total -= Pickings.quantity(move, "quantity");
            }
        }
        return total;
    }
}
