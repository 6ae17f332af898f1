package io.portage.odoo.connector.ops;

import java.math.BigDecimal;

/** One line of a sale order: an Odoo product id, a quantity and an optional unit price (null: Odoo's price). */
public record OrderLine(long productId, BigDecimal quantity, BigDecimal priceUnit) {
}
