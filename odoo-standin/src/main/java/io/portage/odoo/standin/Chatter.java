package io.portage.odoo.standin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chatter of documents: {@code mail.message} records (with their {@code mail.tracking.value}s) that Odoo writes
 * when a tracked field changes or a step posts a message, and the e-mail rule for messages posted as the user.
 */
final class Chatter {

    private Chatter() {
    }

    /** The id of a record by its external id ({@code sale.mt_order_confirmed}), or null. */
    static Integer ref(Orm orm, String xmlId) {
        String[] parts = xmlId.split("\\.", 2);
        return orm.rows("ir.model.data")
                .stream()
                .filter(row -> parts[0].equals(row.get("module")) && parts[1].equals(row.get("name")))
                .map(row -> (Integer) row.get("res_id"))
                .findFirst()
                .orElse(null);
    }

    /** A tracked field changed: a notification message of {@code subtype} with its tracking value. */
    static int track(Orm orm, String model, Integer resId, String subtype, String field, Object oldValue,
            Object newValue) {
        int message = message(orm, model, resId, subtype, "notification", null);
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("mail_message_id", message);
        vals.put("field_name", field);
        vals.put("old_value_char", oldValue == null ? null : oldValue.toString());
        vals.put("new_value_char", newValue == null ? null : newValue.toString());
        orm.createOne(orm.model("mail.tracking.value"), vals);
        return message;
    }

    /**
     * A message posted as the integration user ({@code message_post}): Odoo refuses it when the user has no e-mail
     * address ("Unable to send message, please configure the sender's email address.", ODOO.md).
     */
    static int post(Orm orm, String model, Integer resId, String body) {
        orm.access.checkCanPost();
        return message(orm, model, resId, "mail.mt_note", "notification", body);
    }

    private static int message(Orm orm, String model, Integer resId, String subtype, String type, String body) {
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("model", model);
        vals.put("res_id", resId);
        vals.put("date", orm.now());
        vals.put("subtype_id", ref(orm, subtype));
        vals.put("message_type", type);
        vals.put("body", body);
        vals.put("author_id", orm.row("res.users", Orm.UID).get("partner_id"));
        return orm.createOne(orm.model("mail.message"), vals);
    }
}
