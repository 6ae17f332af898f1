package io.portage.order.domain;

import java.util.List;

/** The sale order an order became in Odoo: its id, its name (e.g. S00042) and its delivery pickings. */
public record OdooOrder(long id, String name, List<Long> pickingIds) {

    public OdooOrder {
        pickingIds = List.copyOf(pickingIds);
    }

    /** {@code sale.order/<id>}, as on portage.erp. */
    public String erpRef() {
        return "sale.order/" + id;
    }
}
