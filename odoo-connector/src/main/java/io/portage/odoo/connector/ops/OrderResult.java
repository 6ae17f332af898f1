package io.portage.odoo.connector.ops;

import java.util.List;

/** A confirmed sale order as Odoo holds it: id, name (e.g. S00025), state and its delivery pickings. */
public record OrderResult(long id, String name, String state, List<Long> pickingIds) {
}
