package io.portage.order.domain;

import java.util.List;

/**
 * The sale order an order became in Odoo: its id, its name (e.g. S00042) and its delivery pickings, and the fingerprint
 * of the Odoo instance they belong to (the same ids mean other records in another database).
 */
public record OdooOrder(long id, String name, List<Long> pickingIds, String instance) {

    public OdooOrder {
        pickingIds = List.copyOf(pickingIds);
    }

    public OdooOrder(long id, String name, List<Long> pickingIds) {
        this(id, name, pickingIds, null);
    }

    /** The same sale order, known to belong to the instance with this fingerprint. */
    public OdooOrder in(String instanceFingerprint) {
        return new OdooOrder(id, name, pickingIds, instanceFingerprint);
    }

    /** {@code sale.order/<id>}, as on portage.erp. */
    public String erpRef() {
        return "sale.order/" + id;
    }
}
