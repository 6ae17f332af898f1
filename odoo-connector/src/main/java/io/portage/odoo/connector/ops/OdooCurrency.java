package io.portage.odoo.connector.ops;

import java.math.BigDecimal;

/**
 * A {@code res.currency} as Odoo holds it: id, ISO code ({@code name}), rounding, and whether it is active (Odoo
 * refuses to post a document in an archived one).
 */
public record OdooCurrency(long id, String code, BigDecimal rounding, boolean active) {
}
