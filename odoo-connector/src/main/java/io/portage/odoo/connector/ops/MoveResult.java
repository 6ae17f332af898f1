package io.portage.odoo.connector.ops;

import java.math.BigDecimal;

/**
 * An {@code account.move} as Odoo holds it: id, number (e.g. INV/2026/00001, or "/" while a draft), state
 * ({@code draft}, {@code posted}, {@code cancel}), {@code move_type}, the business reference it was made for, its total
 * and currency (ISO code), and the move it reverses (a credit note's invoice), if any.
 */
public record MoveResult(long id, String name, String state, String moveType, String ref, BigDecimal amountTotal,
        String currency, Long reversedEntryId) {

    public boolean posted() {
        return "posted".equals(state);
    }
}
