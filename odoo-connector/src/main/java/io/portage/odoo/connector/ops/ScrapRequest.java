package io.portage.odoo.connector.ops;

import java.math.BigDecimal;

/**
 * Damaged goods to scrap: the product, the quantity, the receipt they came with (optional) and {@code origin}, Portage's
 * reference that makes the scrap idempotent (one scrap per origin and product).
 */
public record ScrapRequest(long productId, BigDecimal quantity, Long pickingId, String origin) {

    public ScrapRequest {
        Rows.requireText(origin, "scrap origin");
        if (productId <= 0) {
            throw new IllegalArgumentException("scrap " + origin + " needs a product");
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("scrap " + origin + " needs a positive quantity (Odoo: You can only "
                    + "enter positive quantities.)");
        }
    }
}
