package io.portage.odoo.standin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Odoo's access rights for the integration user: model access per group ({@code ir.model.access}), field groups, the
 * record rule of {@code mail.message}, and the chatter's e-mail rule; each refusal with Odoo's own text.
 */
final class Access {

    /** The groups the stand-in knows, by external id, with the name Odoo's access messages print. */
    static final Map<String, String> GROUPS = new LinkedHashMap<>();
    private static final Map<String, List<String>> IMPLIED = new HashMap<>();
    /** Model -> operation (read, write, create, unlink) -> the groups granted it. */
    private static final Map<String, Map<String, List<String>>> ACL = new HashMap<>();
    private static final Map<String, String> VERBS = Map.of("read", "read", "write", "modify", "create", "create",
            "unlink", "delete");
    static final String NO_EMAIL = "Unable to send message, please configure the sender's email address.";

    static {
        group("base.group_user", "User types/Internal User");
        group("base.group_system", "Administration/Settings", "base.group_erp_manager");
        group("base.group_erp_manager", "Administration/Access Rights");
        group("base.group_partner_manager", "Extra Rights/Contact Creation");
        group("product.group_product_manager", "Extra Rights/Product Creation");
        group("sales_team.group_sale_salesman", "Sales/User: Own Documents Only");
        group("sales_team.group_sale_salesman_all_leads", "Sales/User: All Documents",
                "sales_team.group_sale_salesman");
        group("sales_team.group_sale_manager", "Sales/Administrator", "sales_team.group_sale_salesman_all_leads");
        group("stock.group_stock_user", "Inventory/User");
        group("stock.group_stock_manager", "Inventory/Administrator", "stock.group_stock_user");
        group("purchase.group_purchase_user", "Purchase/User");
        group("purchase.group_purchase_manager", "Purchase/Administrator", "purchase.group_purchase_user");
        group("account.group_account_invoice", "Invoicing/Billing");
        group("account.group_account_manager", "Invoicing/Administrator", "account.group_account_invoice");

        List<String> internal = List.of("base.group_user");
        List<String> system = List.of("base.group_system");
        List<String> sales = List.of("sales_team.group_sale_salesman");
        List<String> stock = List.of("stock.group_stock_user");
        List<String> stockAdmin = List.of("stock.group_stock_manager");
        List<String> billing = List.of("account.group_account_invoice");
        List<String> accountAdmin = List.of("account.group_account_manager");
        List<String> contacts = List.of("base.group_partner_manager", "stock.group_stock_manager",
                "sales_team.group_sale_manager");
        List<String> products = List.of("product.group_product_manager", "stock.group_stock_manager",
                "account.group_account_manager", "purchase.group_purchase_manager", "sales_team.group_sale_manager");
        acl(List.of("res.users", "res.groups", "res.country", "res.currency", "mail.message.subtype"), internal,
                system);
        acl(List.of("res.company"), internal, List.of("base.group_erp_manager"));
        acl(List.of("res.partner"), internal, contacts);
        acl(List.of("product.product"), internal, products);
        acl(List.of("ir.model.data"), internal, system);
        acl(List.of("ir.config_parameter", "mail.tracking.value"), system, system);
        acl(List.of("mail.message"), internal, internal);
        acl(List.of("delivery.carrier"), internal, List.of("stock.group_stock_manager", "sales_team.group_sale_manager"));
        acl(List.of("stock.location", "stock.warehouse", "stock.picking.type"), stock, stockAdmin);
        acl(List.of("stock.quant"), stock, stock);
        ACL.get("stock.quant").put("unlink", stockAdmin);
        acl(List.of("stock.picking", "stock.move", "stock.scrap", "stock.backorder.confirmation", "confirm.stock.sms",
                "stock.return.picking", "stock.return.picking.line", "stock.warn.insufficient.qty.scrap"), stock,
                stock);
        acl(List.of("sale.order", "sale.order.line", "sale.advance.payment.inv"), sales, sales);
        acl(List.of("product.pricelist"), internal, List.of("sales_team.group_sale_manager"));
        List<String> purchaseRead = List.of("purchase.group_purchase_user", "account.group_account_invoice");
        acl(List.of("purchase.order", "purchase.order.line"), purchaseRead, purchaseRead);
        ACL.get("purchase.order").put("create", List.of("purchase.group_purchase_user"));
        ACL.get("purchase.order").put("unlink", List.of("purchase.group_purchase_user"));
        acl(List.of("account.move", "account.move.line", "account.move.reversal"), billing, billing);
        acl(List.of("account.account", "account.journal"), billing, accountAdmin);
        acl(List.of("res.currency.rate"), internal, accountAdmin);
    }

    private static void group(String id, String name, String... implied) {
        GROUPS.put(id, name);
        IMPLIED.put(id, List.of(implied));
    }

    private static void acl(List<String> models, List<String> read, List<String> write) {
        for (String model : models) {
            Map<String, List<String>> rights = new HashMap<>();
            rights.put("read", read);
            rights.put("write", write);
            rights.put("create", write);
            rights.put("unlink", write);
            ACL.put(model, rights);
        }
    }

    private final Orm orm;
    private final Setup setup;
    private final Set<String> groups;

    Access(Orm orm, Setup setup) {
        this.orm = orm;
        this.setup = setup;
        Set<String> all = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(setup.groups());
        while (!todo.isEmpty()) {
            String group = todo.pop();
            if (all.add(group)) {
                todo.addAll(IMPLIED.getOrDefault(group, List.of()));
            }
        }
        this.groups = Set.copyOf(all);
    }

    boolean has(String group) {
        return groups.contains(group);
    }

    boolean allowed(String model, String operation) {
        List<String> granted = ACL.getOrDefault(model, Map.of()).getOrDefault(operation, List.of());
        return granted.stream().anyMatch(groups::contains);
    }

    /**
     * {@code check_access_rights}: {@code You are not allowed to create 'Contact' (res.partner) records.} with the groups
     * granted it (ODOO.md, "Access rights"). A null operation needs no right ({@code fields_get}).
     */
    void check(Model model, String operation) {
        if (operation == null || allowed(model.name, operation)) {
            return;
        }
        StringBuilder message = new StringBuilder("You are not allowed to " + VERBS.get(operation) + " '"
                + model.description + "' (" + model.name + ") records.");
        List<String> granted = ACL.getOrDefault(model.name, Map.of()).getOrDefault(operation, List.of());
        if (granted.isEmpty()) {
            message.append("\n\nNo group currently allows this operation.");
        } else {
            message.append("\n\nThis operation is allowed for the following groups:\n");
            granted.stream().map(GROUPS::get).sorted().forEach(name -> message.append("\t- ").append(name).append("\n"));
        }
        message.append("\nContact your administrator to request access if necessary.");
        throw OdooError.accessError(message.toString());
    }

    /** The groups a field is restricted to, e.g. {@code mail.message.tracking_value_ids}: Administration / Settings. */
    private static List<String> fieldGroups(Model model, String field) {
        Field definition = model.fields.get(field);
        return definition == null ? List.of() : definition.groups;
    }

    boolean fieldReadable(Model model, String field) {
        List<String> restricted = fieldGroups(model, field);
        return restricted.isEmpty() || restricted.stream().anyMatch(groups::contains);
    }

    /** {@code check_field_access_rights}: reading a field of groups the user lacks is an AccessError naming them. */
    void checkFields(Model model, List<String> fields) {
        List<String> refused = fields.stream().filter(name -> !fieldReadable(model, name)).toList();
        if (refused.isEmpty()) {
            return;
        }
        StringBuilder list = new StringBuilder();
        for (String name : refused) {
            String names = String.join(", ", fieldGroups(model, name).stream()
                    .map(g -> "'" + GROUPS.get(g).replace("/", " / ") + "'")
                    .toList());
            list.append("\n- ").append(name).append(" (allowed for groups ").append(names).append(")");
        }
        throw OdooError.accessError("The requested operation can not be completed due to security restrictions.\n\n"
                + "Document type: " + model.description + " (" + model.name + ")\nOperation: read\nUser: " + Orm.UID
                + "\nFields:" + list);
    }

    /** The record rule of {@code mail.message}: the messages of documents the user may read. */
    boolean visible(Model model, Map<String, Object> row) {
        if (!model.name.equals("mail.message")) {
            return true;
        }
        Object document = row.get("model");
        return document == null || orm.hasModel(document.toString()) && allowed(document.toString(), "read");
    }

    void checkVisible(Model model, Map<String, Object> row) {
        if (!visible(model, row)) {
            throw OdooError.accessError("Uh-oh! Looks like you have stumbled upon some top-secret records.\n\n"
                    + "Sorry, " + orm.displayName("res.users", Orm.UID) + " (id=" + Orm.UID + ") doesn't have 'read' "
                    + "access to:\n- " + model.description + " (" + model.name + ")\n\nIf you really, really need "
                    + "access, perhaps you can win over your friendly administrator with a batch of freshly baked "
                    + "cookies.");
        }
    }

    /** A step that posts a chatter message as the user: refused when the user's partner has no e-mail (ODOO.md). */
    void checkCanPost() {
        Map<String, Object> partner = orm.row("res.partner", (Integer) orm.row("res.users", Orm.UID).get("partner_id"));
        if (partner == null || partner.get("email") == null || partner.get("email").toString().isBlank()) {
            throw OdooError.userError(NO_EMAIL);
        }
    }
}
