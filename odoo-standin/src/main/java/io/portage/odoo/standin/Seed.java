package io.portage.odoo.standin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The master data a fresh stand-in starts with: company, customers, products with SKUs, warehouse WH, carriers. */
final class Seed {

    private Seed() {
    }

    static void load(Orm orm, Setup setup) {
        String groupsField = orm.major >= 19 ? "group_ids" : "groups_id";
        List<Integer> userGroups = new ArrayList<>();
        int groupId = 0;
        for (Map.Entry<String, String> group : Access.GROUPS.entrySet()) {
            groupId++;
            String[] xmlId = group.getKey().split("\\.", 2);
            put(orm, "res.groups", groupId, "name", group.getValue().substring(group.getValue().indexOf('/') + 1),
                    "full_name", group.getValue().replace("/", " / "));
            put(orm, "ir.model.data", 100 + groupId, "module", xmlId[0], "name", xmlId[1], "model", "res.groups",
                    "res_id", groupId, "noupdate", true);
            if (setup.groups().contains(group.getKey())) {
                userGroups.add(groupId);
            }
        }
        put(orm, "res.users", 1, "name", "OdooBot", "login", "__system__", "partner_id", 1);
        put(orm, "res.users", 2, "name", "Portage Bot", "login", setup.login(), "partner_id", 2, groupsField,
                List.copyOf(userGroups));

        put(orm, "res.country", 1, "name", "United States", "code", "US");
        put(orm, "res.country", 2, "name", "Germany", "code", "DE");
        put(orm, "res.country", 3, "name", "France", "code", "FR");
        put(orm, "res.country", 4, "name", "Netherlands", "code", "NL");
        put(orm, "res.country", 5, "name", "Belgium", "code", "BE");

        put(orm, "res.partner", 1, "name", "YourCompany", "is_company", true, "email", "info@yourcompany.example",
                "street", "250 Executive Park Blvd", "city", "San Francisco", "zip", "94134", "country_id", 1);
        put(orm, "res.partner", 2, "name", "Portage Bot", "is_company", false, "email", setup.email());
        put(orm, "res.partner", 3, "name", "Azure Interior", "is_company", true, "ref", "CUST-AZURE", "email",
                "azure.interior24@example.com", "street", "4557 De Silva St", "city", "Fremont", "zip", "94538",
                "country_id", 1);
        put(orm, "res.partner", 4, "name", "Deco Addict", "is_company", true, "ref", "CUST-DECO", "email",
                "deco_addict@example.com", "street", "77 Santa Barbara Rd", "city", "Pleasant Hill", "zip", "94523",
                "country_id", 1);
        put(orm, "res.partner", 5, "name", "Brandon Freeman", "is_company", false, "parent_id", 3, "email",
                "brandon.freeman55@example.com", "city", "Fremont", "country_id", 1);

        put(orm, "res.company", 1, "name", "YourCompany", "partner_id", 1, "currency_id", 2, "create_date",
                setup.databaseCreated());
        put(orm, "ir.config_parameter", 1, "key", "database.uuid", "value", setup.databaseUuid());
        put(orm, "ir.config_parameter", 2, "key", "database.create_date", "value", setup.databaseCreated());
        put(orm, "mail.message.subtype", 1, "name", "Discussions");
        put(orm, "mail.message.subtype", 2, "name", "Note", "internal", true);
        put(orm, "mail.message.subtype", 3, "name", "Sales Order Confirmed", "res_model", "sale.order");
        put(orm, "ir.model.data", 4, "module", "mail", "name", "mt_comment", "model", "mail.message.subtype", "res_id",
                1, "noupdate", true);
        put(orm, "ir.model.data", 5, "module", "mail", "name", "mt_note", "model", "mail.message.subtype", "res_id", 2,
                "noupdate", true);
        put(orm, "ir.model.data", 6, "module", "sale", "name", "mt_order_confirmed", "model", "mail.message.subtype",
                "res_id", 3, "noupdate", true);

        boolean v17 = orm.major < 18;
        product(orm, 1, "PT-CHAIR-01", "Office Chair", "5400000000011", 70.0, true, v17);
        product(orm, 2, "PT-DESK-01", "Standing Desk", "5400000000028", 350.0, true, v17);
        product(orm, 3, "PT-LAMP-01", "Desk Lamp", "5400000000035", 25.0, true, v17);
        product(orm, 4, "PT-CABLE-01", "Cable Kit", null, 9.5, false, v17);
        put(orm, "product.product", 5, "default_code", "PT-SHIP", "name", "Standard Delivery", "type", "service",
                "list_price", 0.0, "active", true);
        if (!v17) {
            orm.row("product.product", 5).put("is_storable", false);
        }

        put(orm, "stock.location", 1, "name", "Physical Locations", "usage", "view");
        put(orm, "stock.location", 2, "name", "Partners", "usage", "view");
        put(orm, "stock.location", 3, "name", "Customers", "usage", "customer", "location_id", 2);
        put(orm, "stock.location", 4, "name", "Vendors", "usage", "supplier", "location_id", 2);
        put(orm, "stock.location", 5, "name", "WH", "usage", "view", "location_id", 1);
        put(orm, "stock.location", 6, "name", "Stock", "usage", "internal", "location_id", 5);
        put(orm, "stock.location", 7, "name", "Virtual Locations", "usage", "view");
        put(orm, "stock.location", 8, "name", "Scrap", "usage", "inventory", "location_id", 7);

        put(orm, "stock.warehouse", 1, "name", "YourCompany", "code", "WH", "lot_stock_id", 6, "view_location_id", 5);
        put(orm, "stock.picking.type", 1, "name", "Receipts", "code", "incoming", "sequence_code", "IN",
                "warehouse_id", 1, "default_location_src_id", 4, "default_location_dest_id", 6);
        put(orm, "stock.picking.type", 2, "name", "Delivery Orders", "code", "outgoing", "sequence_code", "OUT",
                "warehouse_id", 1, "default_location_src_id", 6, "default_location_dest_id", 3);

        put(orm, "stock.quant", 1, "product_id", 1, "location_id", 6, "quantity", 100.0);
        put(orm, "stock.quant", 2, "product_id", 2, "location_id", 6, "quantity", 5.0);

        put(orm, "delivery.carrier", 1, "name", "Standard Delivery", "delivery_type", "fixed", "fixed_price", 0.0,
                "active", true);
        put(orm, "delivery.carrier", 2, "name", "Express Courier", "delivery_type", "fixed", "fixed_price", 15.0,
                "active", true);

        put(orm, "res.currency", 1, "name", "EUR", "symbol", "\u20ac", "active", true);
        put(orm, "res.currency", 2, "name", "USD", "symbol", "$", "active", true);
        put(orm, "res.currency", 3, "name", "GBP", "symbol", "\u00a3", "active", false);
        put(orm, "res.currency.rate", 1, "name", "2026-01-01", "rate", 0.92, "currency_id", 1, "company_id", 1);
        put(orm, "res.currency.rate", 2, "name", "2026-06-01", "rate", 0.85, "currency_id", 1, "company_id", 1);

        put(orm, "account.account", 1, "code", "121000", "name", "Account Receivable", "account_type",
                "asset_receivable", "reconcile", true);
        put(orm, "account.account", 2, "code", "211000", "name", "Account Payable", "account_type",
                "liability_payable", "reconcile", true);
        put(orm, "account.account", 3, "code", "400000", "name", "Product Sales", "account_type", "income");
        put(orm, "account.account", 4, "code", "600000", "name", "Expenses", "account_type", "expense");
        put(orm, "account.account", 5, "code", "212000", "name", "Accrued Expenses", "account_type",
                "liability_current");

        put(orm, "account.account", 6, "code", "211100", "name", "Bills to receive", "account_type",
                "liability_current", "reconcile", true);
        for (int account = 1; account <= 6; account++) {
            orm.row("account.account", account).put(v17 ? "company_id" : "company_ids", v17 ? 1 : List.of(1));
        }

        put(orm, "account.journal", 1, "name", "Customer Invoices", "code", "INV", "type", "sale",
                "default_account_id", 3, "refund_sequence", true);
        put(orm, "account.journal", 2, "name", "Vendor Bills", "code", "BILL", "type", "purchase",
                "default_account_id", 4, "refund_sequence", true);
        put(orm, "account.journal", 3, "name", "Miscellaneous Operations", "code", "MISC", "type", "general");

        put(orm, "ir.model.data", 1, "module", "base", "name", "main_partner", "model", "res.partner", "res_id", 1,
                "noupdate", true);
        put(orm, "ir.model.data", 2, "module", "stock", "name", "warehouse0", "model", "stock.warehouse", "res_id", 1,
                "noupdate", true);
        put(orm, "ir.model.data", 3, "module", "stock", "name", "picking_type_out", "model", "stock.picking.type",
                "res_id", 2, "noupdate", true);
    }

    private static void product(Orm orm, int id, String sku, String name, String barcode, double price,
            boolean storable, boolean v17) {
        put(orm, "product.product", id, "default_code", sku, "name", name, "barcode", barcode, "list_price", price,
                "active", true, "type", v17 ? (storable ? "product" : "consu") : "consu");
        if (!v17) {
            orm.row("product.product", id).put("is_storable", storable);
        }
    }

    private static void put(Orm orm, String model, int id, Object... values) {
        Map<String, Object> row = new HashMap<>();
        for (Field field : orm.model(model).fields.values()) {
            if (field.stored()) {
                row.put(field.name, field.type.x2many()
                        ? List.of()
                        : field.defaultValue == null
                                ? null
                                : field.defaultValue.apply(orm));
            }
        }
        for (int i = 0; i < values.length; i += 2) {
            row.put((String) values[i], values[i + 1]);
        }
        row.put("id", id);
        orm.put(model, row);
    }
}
