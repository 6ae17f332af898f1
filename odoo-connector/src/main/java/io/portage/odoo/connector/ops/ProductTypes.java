package io.portage.odoo.connector.ops;

import java.util.Map;

import io.portage.odoo.connector.transport.OdooVersion;

/** The product type fields by Odoo version: 17 has {@code type "product"}, 18+ has {@code type "consu"} with {@code is_storable}. */
public final class ProductTypes {

    private ProductTypes() {
    }

    /** The {@code product.product} values that make a product storable (stock-tracked) or a plain consumable. */
    public static Map<String, Object> typeValues(OdooVersion version, boolean storable) {
        if (version.hasIsStorable()) {
            return Map.of("type", "consu", "is_storable", storable);
        }
        return Map.of("type", storable ? "product" : "consu");
    }
}
