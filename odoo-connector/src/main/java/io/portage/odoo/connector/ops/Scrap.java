package io.portage.odoo.connector.ops;

import java.math.BigDecimal;

/** A {@code stock.scrap} as Odoo holds it: id, name (SP/00001), state ({@code draft}, {@code done}), product, quantity. */
public record Scrap(long id, String name, String state, Long productId, BigDecimal quantity) {

    public boolean done() {
        return "done".equals(state);
    }
}
