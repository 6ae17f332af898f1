package io.portage.odoo.connector.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.portage.odoo.connector.OdooCalls;
import io.portage.odoo.connector.error.OdooConflictException;
import io.smallrye.mutiny.Uni;

/**
 * Answers the wizards Odoo's buttons return, by ODOO.md's rule: an {@code ir.actions.act_window} with
 * {@code target: new} is a wizard; with a {@code res_id} its method is called on that record, without one it is created
 * with {@code context} = the action's context and its method called with the same context; and again until the answer
 * is not a wizard. Only wizards the caller names are answered: any other is an error naming it, never a guessed method.
 */
public final class WizardAnswers {

    /** The backorder wizard of {@code button_validate}: make a backorder of the rest, or close without one. */
    public static final String BACKORDER = "stock.backorder.confirmation";
    /** The scrap wizard when the location holds less than the scrap: {@code action_done} scraps anyway. */
    public static final String INSUFFICIENT_SCRAP = "stock.warn.insufficient.qty.scrap";
    /** Avoided by calling {@code button_validate} with {@code skip_sms}: answering it writes {@code res.company}. */
    public static final String SMS = "confirm.stock.sms";
    private static final int MOST_WIZARDS = 5;

    private WizardAnswers() {
    }

    /** The wizard methods for validating a transfer: the backorder wizard's, by whether to keep a backorder. */
    public static Map<String, String> backorder(boolean createBackorder) {
        return Map.of(BACKORDER, createBackorder ? "process" : "process_cancel_backorder");
    }

    public static boolean isWizard(JsonNode result) {
        return result != null && result.isObject() && "ir.actions.act_window".equals(result.path("type").asText())
                && "new".equals(result.path("target").asText()) && result.hasNonNull("res_model");
    }

    /** Answers {@code result} and the wizards that follow it with {@code methods} (wizard model -> method). */
    public static Uni<JsonNode> answer(OdooCalls calls, JsonNode result, Map<String, String> methods) {
        return answer(calls, result, methods, 0);
    }

    private static Uni<JsonNode> answer(OdooCalls calls, JsonNode result, Map<String, String> methods, int depth) {
        if (!isWizard(result)) {
            return Uni.createFrom().item(result);
        }
        String wizard = result.get("res_model").asText();
        String method = methods.get(wizard);
        if (method == null) {
            return Uni.createFrom()
                    .failure(new OdooConflictException("portage.UnknownWizard", "Odoo answered with the "
                            + "wizard " + wizard + " (" + result.path("name").asText() + "), which this operation does not "
                            + "answer" + (SMS.equals(wizard) ? "; pass the context skip_sms" : "")));
        }
        if (depth >= MOST_WIZARDS) {
            return Uni.createFrom()
                    .failure(new OdooConflictException("portage.WizardLoop", "Odoo answered "
                            + MOST_WIZARDS + " wizards in a row, the last " + wizard));
        }
        Map<String, Object> context = new LinkedHashMap<>();
        result.path("context").fields().forEachRemaining(e -> context.put(e.getKey(), e.getValue()));
        Map<String, Object> kwargs = Map.of("context", context);
        Uni<Long> record = result.hasNonNull("res_id") && result.get("res_id").asLong() > 0
                ? Uni.createFrom().item(result.get("res_id").asLong())
                : calls.execute(wizard, "create", List.of(Map.of()), kwargs)
                        .map(id -> id.isArray() ? id.get(0).asLong() : id.asLong());
        return record.chain(id -> calls.callOnRecords(wizard, method, List.of(id), kwargs))
                .chain(next -> answer(calls, next, methods, depth + 1));
    }
}
