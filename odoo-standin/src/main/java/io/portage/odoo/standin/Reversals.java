package io.portage.odoo.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code account.move}'s buttons ({@code action_post}, {@code button_draft}, {@code button_cancel}) and the reversal
 * wizard {@code account.move.reversal} as Odoo 17/18 runs them: nothing stops a second reversal of the same entry, a
 * reversed entry is posted at once unless dated in the future, an invoice's reversal is a draft credit note.
 */
final class Reversals {

    private Reversals() {
    }

    static void register(Methods methods) {
        methods.register("account.move", "action_post", c -> Accounting.post(c.orm(), c.ids()));
        methods.register("account.move", "button_draft", c -> setState(c, "draft"));
        methods.register("account.move", "button_cancel", c -> setState(c, "cancel"));
        methods.register("account.move.reversal", "refund_moves", c -> reverse(c, false));
        methods.register("account.move.reversal", "modify_moves", c -> reverse(c, true));
    }

    /** Both buttons return None in Odoo, which JSON-RPC answers without a {@code result}. */
    private static Object setState(Methods.Call c, String state) {
        Orm orm = c.orm();
        orm.ensureExist(c.model(), c.ids());
        for (Integer id : c.ids()) {
            Object current = orm.row("account.move", id).get("state");
            if (state.equals("cancel") && !"draft".equals(current)) {
                throw OdooError.userError("Only draft journal entries can be cancelled.");
            }
            orm.write(c.model(), List.of(id), Map.of("state", state));
        }
        return null;
    }

    private static Object reverse(Methods.Call c, boolean modify) {
        Orm orm = c.orm();
        orm.ensureExist(c.model(), c.ids());
        List<Integer> created = new ArrayList<>();
        List<Integer> copies = new ArrayList<>();
        for (Integer wizardId : c.ids()) {
            Map<String, Object> wizard = orm.row(c.model().name, wizardId);
            for (Integer moveId : X2many.toIds(wizard.get("move_ids"))) {
                Map<String, Object> move = orm.row("account.move", moveId);
                if (!"posted".equals(move.get("state"))) {
                    throw OdooError.userError("You can only reverse posted moves.");
                }
                int reversal = reversal(orm, wizard, move);
                created.add(reversal);
                boolean entry = "entry".equals(move.get("move_type"));
                boolean future = wizard.get("date").toString().compareTo(orm.today()) > 0;
                if ((entry || modify) && !future) {
                    Accounting.post(orm, List.of(reversal));
                }
                if (modify) {
                    copies.add(copy(orm, move));
                }
            }
            orm.write(c.model(), List.of(wizardId), Map.of("new_move_ids", List.of(List.of(6, 0, created))));
        }
        List<Integer> shown = modify ? copies : created;
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", "Reverse Moves");
        action.put("type", "ir.actions.act_window");
        action.put("res_model", "account.move");
        if (shown.size() == 1) {
            action.put("view_mode", "form");
            action.put("res_id", shown.get(0));
        } else {
            action.put("view_mode", "list,form");
            action.put("domain", List.of(List.of("id", "in", shown)));
        }
        return action;
    }

    /**
     * The reversal of one posted move: the opposite type, the wizard's journal and date, the lines turned round at the
     * original's rate (an entry's balance and amount in currency negated, a credit note at the invoice's rate).
     */
    private static int reversal(Orm orm, Map<String, Object> wizard, Map<String, Object> move) {
        String type = move.get("move_type").toString();
        String reversedType = switch (type) {
            case "out_invoice" -> "out_refund";
            case "out_refund" -> "out_invoice";
            case "in_invoice" -> "in_refund";
            case "in_refund" -> "in_invoice";
            default -> type;
        };
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("move_type", reversedType);
        vals.put("partner_id", move.get("partner_id"));
        vals.put("journal_id", wizard.get("journal_id"));
        vals.put("currency_id", move.get("currency_id"));
        vals.put("reversed_entry_id", move.get("id"));
        if (!"entry".equals(type)) {
            vals.put("invoice_currency_rate", move.get("invoice_currency_rate"));
        }
        vals.put("invoice_origin", move.get("invoice_origin"));
        vals.put("ref", "Reversal of: " + move.get("name") + (wizard.get("reason") == null
                ? ""
                : ", " + wizard.get("reason")));
        List<Object> lines = new ArrayList<>();
        boolean entry = "entry".equals(type);
        if (entry) {
            vals.put("date", wizard.get("date"));
        } else {
            vals.put("invoice_date", wizard.get("date"));
        }
        for (Map<String, Object> line : orm.children("account.move.line", "move_id", move.get("id"))) {
            Map<String, Object> lineVals = new LinkedHashMap<>();
            if (entry) {
                lineVals.put("account_id", line.get("account_id"));
                lineVals.put("partner_id", line.get("partner_id"));
                lineVals.put("name", line.get("name"));
                lineVals.put("debit", line.get("credit"));
                lineVals.put("credit", line.get("debit"));
                lineVals.put("currency_id", line.get("currency_id"));
                lineVals.put("amount_currency", -Accounting.amount(line, "amount_currency"));
            } else if ("product".equals(line.get("display_type"))) {
                for (String field : List.of("product_id", "name", "quantity", "price_unit", "account_id")) {
                    lineVals.put(field, line.get(field));
                }
                lineVals.put("sale_line_ids", List.of(List.of(6, 0, X2many.toIds(line.get("sale_line_ids")))));
            } else {
                continue;
            }
            lines.add(List.of(0, 0, lineVals));
        }
        vals.put(entry ? "line_ids" : "invoice_line_ids", lines);
        return orm.createOne(orm.model("account.move"), vals);
    }

    /** {@code modify_moves}: a draft copy of the invoice to correct. */
    private static int copy(Orm orm, Map<String, Object> move) {
        Map<String, Object> vals = new LinkedHashMap<>();
        for (String field : List.of("move_type", "partner_id", "journal_id", "currency_id", "ref", "invoice_origin")) {
            vals.put(field, move.get(field));
        }
        List<Object> lines = new ArrayList<>();
        for (Map<String, Object> line : orm.children("account.move.line", "move_id", move.get("id"))) {
            if ("product".equals(line.get("display_type"))) {
                Map<String, Object> lineVals = new LinkedHashMap<>();
                for (String field : List.of("product_id", "name", "quantity", "price_unit", "account_id")) {
                    lineVals.put(field, line.get(field));
                }
                lines.add(List.of(0, 0, lineVals));
            }
        }
        vals.put("invoice_line_ids", lines);
        return orm.createOne(orm.model("account.move"), vals);
    }
}
