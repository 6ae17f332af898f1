package io.portage.odoo.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Invoicing sale orders as Odoo 17/18's {@code sale} does: what each line delivered, invoiced and has left to invoice,
 * the order's {@code invoice_ids} and {@code invoice_status}, and {@code sale.advance.payment.inv.create_invoices}
 * (regular invoices from delivered quantities, one per customer; a negative total becomes a credit note).
 */
final class Invoicing {

    static final String NOTHING_TO_INVOICE = "Cannot create an invoice. No items are available to invoice.\n\n"
            + "To resolve this issue, please ensure that:\n"
            + "   \u2022 The products have been delivered before attempting to invoice them.\n"
            + "   \u2022 The invoicing policy of the product is configured correctly.\n\n"
            + "If you want to invoice based on ordered quantities instead:\n"
            + "   \u2022 For consumable or storable products, open the product, go to the 'General Information' tab and"
            + " change the 'Invoicing Policy' from 'Delivered Quantities' to 'Ordered Quantities'.\n"
            + "   \u2022 For services (and other products), change the 'Invoicing Policy' to 'Prepaid/Fixed Price'.\n";

    private Invoicing() {
    }

    static void register(Methods methods) {
        methods.register("sale.advance.payment.inv", "create_invoices", Invoicing::createInvoices);
    }

    /** Done moves of the line to the customer, less returns made with {@code to_refund}. */
    static Object delivered(Orm orm, Map<String, Object> line) {
        double total = 0.0;
        for (Map<String, Object> move : orm.children("stock.move", "sale_line_id", line.get("id"))) {
            if (!"done".equals(move.get("state"))) {
                continue;
            }
            Map<String, Object> dest = orm.row("stock.location", (Integer) move.get("location_dest_id"));
            if ("customer".equals(dest.get("usage"))) {
                total += Pickings.quantity(move, "quantity");
            } else if (Boolean.TRUE.equals(move.get("to_refund"))) {
                total -= Pickings.quantity(move, "quantity");
            }
        }
        return total;
    }

    /** Quantities on invoices (less credit notes) not cancelled, drafts included. */
    static Object invoiced(Orm orm, Map<String, Object> line) {
        double total = 0.0;
        for (Map<String, Object> invoiceLine : orm.rows("account.move.line")) {
            if (!X2many.toIds(invoiceLine.get("sale_line_ids")).contains(line.get("id"))) {
                continue;
            }
            Map<String, Object> move = orm.row("account.move", (Integer) invoiceLine.get("move_id"));
            if (move == null || "cancel".equals(move.get("state"))) {
                continue;
            }
            double quantity = Pickings.quantity(invoiceLine, "quantity");
            total += "out_refund".equals(move.get("move_type")) ? -quantity : quantity;
        }
        return total;
    }

    /** Ordered (policy {@code order}) or delivered (policy {@code delivery}) less invoiced, on a confirmed order. */
    static Object toInvoice(Orm orm, Map<String, Object> line) {
        Map<String, Object> order = orm.row("sale.order", (Integer) line.get("order_id"));
        if (order == null || !"sale".equals(order.get("state")) || line.get("product_id") == null) {
            return 0.0;
        }
        Map<String, Object> product = orm.row("product.product", (Integer) line.get("product_id"));
        double basis = "delivery".equals(product.get("invoice_policy"))
                ? (Double) delivered(orm, line)
                : Pickings.quantity(line, "product_uom_qty");
        return round(basis - (Double) invoiced(orm, line));
    }

    static Object orderInvoices(Orm orm, Map<String, Object> order) {
        TreeSet<Integer> ids = new TreeSet<>();
        List<Object> lines = orm.children("sale.order.line", "order_id", order.get("id"))
                .stream()
                .map(l -> l.get("id"))
                .toList();
        for (Map<String, Object> invoiceLine : orm.rows("account.move.line")) {
            if (X2many.toIds(invoiceLine.get("sale_line_ids")).stream().anyMatch(lines::contains)) {
                ids.add((Integer) invoiceLine.get("move_id"));
            }
        }
        return new ArrayList<>(ids.descendingSet());
    }

    /** Odoo's rule: any line to invoice: {@code to invoice}; all fully invoiced: {@code invoiced}; else {@code no}. */
    static Object orderStatus(Orm orm, Map<String, Object> order) {
        if (!"sale".equals(order.get("state"))) {
            return "no";
        }
        List<String> statuses = new ArrayList<>();
        for (Map<String, Object> line : orm.children("sale.order.line", "order_id", order.get("id"))) {
            if (line.get("product_id") == null) {
                continue;
            }
            double toInvoice = (Double) toInvoice(orm, line);
            double invoiced = (Double) invoiced(orm, line);
            statuses.add(toInvoice != 0.0
                    ? "to invoice"
                    : invoiced >= Pickings.quantity(line, "product_uom_qty") ? "invoiced" : "no");
        }
        if (statuses.contains("to invoice")) {
            return "to invoice";
        }
        return !statuses.isEmpty() && statuses.stream().allMatch("invoiced"::equals) ? "invoiced" : "no";
    }

    private static Object createInvoices(Methods.Call c) {
        Orm orm = c.orm();
        orm.ensureExist(c.model(), c.ids());
        List<Integer> created = new ArrayList<>();
        for (Integer wizardId : c.ids()) {
            Map<String, Object> wizard = orm.row(c.model().name, wizardId);
            if (!"delivered".equals(wizard.get("advance_payment_method"))) {
                throw OdooError.userError("The Odoo stand-in makes regular invoices only (advance_payment_method "
                        + "'delivered'); down payments are not modelled.");
            }
            Map<Object, List<Map<String, Object>>> byCustomer = new LinkedHashMap<>();
            for (Integer orderId : X2many.toIds(wizard.get("sale_order_ids"))) {
                Map<String, Object> order = orm.row("sale.order", orderId);
                byCustomer.computeIfAbsent(order.get("partner_id"), k -> new ArrayList<>()).add(order);
            }
            byCustomer.forEach((partner, orders) -> {
                Integer invoice = invoice(orm, partner, orders);
                if (invoice != null) {
                    created.add(invoice);
                }
            });
        }
        if (created.isEmpty()) {
            throw OdooError.userError(NOTHING_TO_INVOICE);
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", "Invoices");
        action.put("type", "ir.actions.act_window");
        action.put("res_model", "account.move");
        if (created.size() == 1) {
            action.put("views", List.of(List.of(false, "form")));
            action.put("res_id", created.get(0));
        } else {
            action.put("views", List.of(List.of(false, "list"), List.of(false, "form")));
            action.put("domain", List.of(List.of("id", "in", created)));
        }
        action.put("context", Map.of("default_move_type", "out_invoice"));
        return action;
    }

    /** One draft invoice (a credit note when its total is negative) of what the orders have left to invoice. */
    private static Integer invoice(Orm orm, Object partner, List<Map<String, Object>> orders) {
        List<Object> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double total = 0.0;
        List<Map<String, Object>> invoiceable = new ArrayList<>();
        for (Map<String, Object> order : orders) {
            for (Map<String, Object> line : orm.children("sale.order.line", "order_id", order.get("id"))) {
                double quantity = (Double) toInvoice(orm, line);
                if (quantity != 0.0) {
                    invoiceable.add(line);
                    total += quantity * Pickings.quantity(line, "price_unit");
                    if (!names.contains(order.get("name").toString())) {
                        names.add(order.get("name").toString());
                    }
                }
            }
        }
        if (invoiceable.isEmpty()) {
            return null;
        }
        boolean refund = total < 0.0;
        for (Map<String, Object> line : invoiceable) {
            double quantity = (Double) toInvoice(orm, line);
            Map<String, Object> vals = new LinkedHashMap<>();
            vals.put("product_id", line.get("product_id"));
            vals.put("name", line.get("name"));
            vals.put("quantity", refund ? -quantity : quantity);
            vals.put("price_unit", line.get("price_unit"));
            vals.put("sale_line_ids", List.of(List.of(6, 0, List.of(line.get("id")))));
            lines.add(List.of(0, 0, vals));
        }
        Map<String, Object> move = new LinkedHashMap<>();
        move.put("move_type", refund ? "out_refund" : "out_invoice");
        move.put("partner_id", partner);
        // sale.order._prepare_invoice: the invoice is in the order's currency (Odoo groups orders of one currency).
        move.put("currency_id", TradeSchema.orderCurrency(orm, orders.get(0)));
        move.put("invoice_origin", String.join(", ", names));
        move.put("invoice_line_ids", lines);
        return orm.createOne(orm.model("account.move"), move);
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
