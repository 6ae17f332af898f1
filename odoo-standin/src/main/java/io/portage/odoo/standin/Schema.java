package io.portage.odoo.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portage.odoo.standin.Field.Type;

/** The models the stand-in serves, with the fields Portage reads and writes, per Odoo major version. */
final class Schema {

    private Schema() {
    }

    static Map<String, Model> build(int major) {
        Map<String, Model> models = new LinkedHashMap<>();

        Model groups = put(models, new Model("res.groups", "Access Groups"));
        groups.chars("name", "Name").required();
        groups.chars("full_name", "Group Name");

        Model users = put(models, new Model("res.users", "User"));
        users.chars("name", "Name");
        users.chars("login", "Login").required();
        users.many2one("partner_id", "Related Partner", "res.partner");
        users.add("email", Type.CHAR, "Email").computed((orm, row) -> {
            Map<String, Object> partner = orm.row("res.partner", (Integer) row.get("partner_id"));
            return partner == null ? null : partner.get("email");
        });
        users.many2many(major >= 19 ? "group_ids" : "groups_id", "Groups", "res.groups");

        Model company = put(models, new Model("res.company", "Companies"));
        company.chars("name", "Company Name").required();
        company.many2one("partner_id", "Partner", "res.partner");
        company.many2one("currency_id", "Currency", "res.currency");
        company.bool("stock_move_sms_validation", "SMS Confirmation").defaultTo(true);
        company.bool("has_received_warning_stock_sms", "Has Received Warning Stock SMS");

        Model parameter = put(models, new Model("ir.config_parameter", "System Parameter"));
        parameter.chars("key", "Key").required();
        parameter.add("value", Type.TEXT, "Value").required();
        parameter.displayName = (orm, row) -> String.valueOf(row.get("key"));

        Model subtype = put(models, new Model("mail.message.subtype", "Message subtypes"));
        subtype.chars("name", "Message Type").required();
        subtype.chars("res_model", "Model");
        subtype.bool("internal", "Internal Only");

        Model message = put(models, new Model("mail.message", "Message"));
        message.order = "id desc";
        message.chars("model", "Related Document Model");
        message.add("res_id", Type.INTEGER, "Related Document ID");
        message.add("date", Type.DATETIME, "Date").defaultTo(Orm::now);
        message.many2one("subtype_id", "Subtype", "mail.message.subtype");
        message.selection("message_type", "Type", List.of("email", "comment", "notification", "auto_comment",
                "user_notification")).required().defaultTo("comment");
        message.add("body", Type.TEXT, "Contents");
        message.many2one("author_id", "Author", "res.partner");
        message.one2many("tracking_value_ids", "Tracking values", "mail.tracking.value", "mail_message_id")
                .groups("base.group_system");
        message.displayName = (orm, row) -> row.get("model") + "," + row.get("res_id");

        Model tracking = put(models, new Model("mail.tracking.value", "Mail Tracking Value"));
        tracking.chars("field_name", "Field");
        tracking.chars("old_value_char", "Old Value Char");
        tracking.chars("new_value_char", "New Value Char");
        tracking.many2one("mail_message_id", "Message ID", "mail.message").required();

        Model country = put(models, new Model("res.country", "Country"));
        country.chars("name", "Country Name").required();
        country.chars("code", "Country Code");

        Model partner = put(models, new Model("res.partner", "Contact"));
        partner.order = "display_name, id desc";
        partner.chars("name", "Name");
        partner.chars("ref", "Reference");
        partner.chars("email", "Email");
        partner.chars("phone", "Phone");
        partner.chars("street", "Street");
        partner.chars("city", "City");
        partner.chars("zip", "Zip");
        partner.many2one("country_id", "Country", "res.country");
        partner.bool("is_company", "Is a Company");
        partner.bool("active", "Active").defaultTo(true);
        partner.many2one("parent_id", "Related Company", "res.partner");
        partner.one2many("child_ids", "Contact", "res.partner", "parent_id");
        partner.displayName = (orm, row) -> {
            String name = row.get("name") == null ? "" : row.get("name").toString();
            Object parent = row.get("parent_id");
            if (parent != null && !Boolean.TRUE.equals(row.get("is_company"))) {
                Map<String, Object> parentCompany = orm.row("res.partner", (Integer) parent);
                if (parentCompany != null && parentCompany.get("name") != null) {
                    return parentCompany.get("name") + ", " + name;
                }
            }
            return name;
        };

        Model product = put(models, new Model("product.product", "Product Variant"));
        product.order = "default_code, name, id";
        product.chars("name", "Name").required();
        product.chars("default_code", "Internal Reference");
        product.chars("barcode", "Barcode");
        if (major >= 18) {
            product.selection("type", "Product Type", List.of("consu", "service", "combo")).defaultTo("consu");
            product.bool("is_storable", "Track Inventory");
        } else {
            product.selection("type", "Product Type", List.of("consu", "service", "product")).defaultTo("consu");
        }
        product.decimal("list_price", "Sales Price").defaultTo(1.0);
        product.decimal("standard_price", "Cost");
        product.bool("active", "Active").defaultTo(true);
        product.selection("invoice_policy", "Invoicing Policy", List.of("order", "delivery")).defaultTo("order");
        product.add("qty_available", Type.FLOAT, "Quantity On Hand")
                .computed((orm, row) -> orm.onHand((Integer) row.get("id")));
        product.displayName = (orm, row) -> row.get("default_code") == null
                ? String.valueOf(row.get("name"))
                : "[" + row.get("default_code") + "] " + row.get("name");

        StockSchema.add(models);
        TradeSchema.add(models);
        AccountingSchema.add(models, major);

        Model data = put(models, new Model("ir.model.data", "Model Data"));
        data.chars("name", "External Identifier").required();
        data.chars("module", "Module").required().defaultTo("");
        data.chars("model", "Model Name").required();
        data.add("res_id", Type.INTEGER, "Record ID");
        data.bool("noupdate", "Non Updatable");
        data.add("complete_name", Type.CHAR, "Complete ID")
                .computed((orm, row) -> row.get("module") + "." + row.get("name"));
        data.displayName = (orm, row) -> row.get("module") + "." + row.get("name");
        return models;
    }

    private static Model put(Map<String, Model> models, Model model) {
        models.put(model.name, model);
        return model;
    }
}
