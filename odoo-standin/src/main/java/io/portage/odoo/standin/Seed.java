package io.portage.odoo.standin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The master data a fresh stand-in starts with: company, customers, products with SKUs, warehouse WH, carriers. */
final class Seed {

    private Seed() {
    }

    static void load(Orm orm, String login) {
        put(orm, "res.users", 1, "name", "OdooBot", "login", "__system__");
        put(orm, "res.users", 2, "name", "Portage Bot", "login", login);

        put(orm, "res.country", 1, "name", "United States", "code", "US");
        put(orm, "res.country", 2, "name", "Germany", "code", "DE");
        put(orm, "res.country", 3, "name", "France", "code", "FR");
        put(orm, "res.country", 4, "name", "Netherlands", "code", "NL");
        put(orm, "res.country", 5, "name", "Belgium", "code", "BE");

        put(orm, "res.partner", 1, "name", "YourCompany", "is_company", true, "email", "info@yourcompany.example",
                "street", "250 Executive Park Blvd", "city", "San Francisco", "zip", "94134", "country_id", 1);
        put(orm, "res.partner", 2, "name", "Portage Bot", "is_company", false, "email", "bot@yourcompany.example");
        put(orm, "res.partner", 3, "name", "Azure Interior", "is_company", true, "ref", "CUST-AZURE", "email",
                "azure.interior24@example.com", "street", "4557 De Silva St", "city", "Fremont", "zip", "94538",
                "country_id", 1);
        put(orm, "res.partner", 4, "name", "Deco Addict", "is_company", true, "ref", "CUST-DECO", "email",
                "deco_addict@example.com", "street", "77 Santa Barbara Rd", "city", "Pleasant Hill", "zip", "94523",
                "country_id", 1);
        put(orm, "res.partner", 5, "name", "Brandon Freeman", "is_company", false, "parent_id", 3, "email",
                "brandon.freeman55@example.com", "city", "Fremont", "country_id", 1);

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

        put(orm, "account.account", 1, "code", "121000", "name", "Account Receivable", "account_type",
                "asset_receivable", "reconcile", true);
        put(orm, "account.account", 2, "code", "211000", "name", "Account Payable", "account_type",
                "liability_payable", "reconcile", true);
        put(orm, "account.account", 3, "code", "400000", "name", "Product Sales", "account_type", "income");
        put(orm, "account.account", 4, "code", "600000", "name", "Expenses", "account_type", "expense");
        put(orm, "account.account", 5, "code", "212000", "name", "Accrued Expenses", "account_type",
                "liability_current");

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
