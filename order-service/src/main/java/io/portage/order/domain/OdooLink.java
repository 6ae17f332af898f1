package io.portage.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The sale order an order became in Odoo, kept on the order from its release: the sale order's id and name, its
 * transfers (pickings, {@code bigint[]}) and which of them are done, when Odoo confirmed it, and the fingerprint of the
 * Odoo instance those ids belong to (events from another instance never match them).
 */
@Embeddable
public class OdooLink {

    @Column(name = "odoo_order_id")
    private Long orderId;
    @Column(name = "odoo_name")
    private String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "odoo_picking_ids")
    private List<Long> pickingIds = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "odoo_pickings_done")
    private List<Long> pickingsDone = new ArrayList<>();
    @Column(name = "odoo_synced_at")
    private Instant syncedAt;
    @Column(name = "odoo_instance")
    private String instance;

    protected OdooLink() {
    }

    /** The link to what Odoo confirmed at {@code at}. */
    static OdooLink confirmed(OdooOrder odoo, Instant at) {
        OdooLink link = new OdooLink();
        link.orderId = odoo.id();
        link.name = odoo.name();
        link.pickingIds = new ArrayList<>(odoo.pickingIds());
        link.syncedAt = at;
        link.instance = odoo.instance();
        return link;
    }

    /** What one done transfer means for the order. */
    enum Progress {
        /** Reported done before: nothing changes. */
        ALREADY_DONE,
        /** Other transfers are still open. */
        MORE_TO_GO,
        /** Every transfer Odoo made for the order is done: the goods have left. */
        ALL_DONE
    }

    /** Records transfer {@code pickingId} as done; one not known from the confirmation (a backorder) joins the list. */
    Progress pickingDone(long pickingId) {
        if (pickingsDone == null) {
            pickingsDone = new ArrayList<>();
        }
        if (pickingsDone.contains(pickingId)) {
            return Progress.ALREADY_DONE;
        }
        pickingsDone = append(pickingsDone, pickingId);
        if (pickingIds == null || !pickingIds.contains(pickingId)) {
            pickingIds = append(pickingIds == null ? List.of() : pickingIds, pickingId);
        }
        return pickingsDone.containsAll(pickingIds) ? Progress.ALL_DONE : Progress.MORE_TO_GO;
    }

    /** A new list, so Hibernate sees the array change. */
    private static List<Long> append(List<Long> ids, long id) {
        List<Long> more = new ArrayList<>(ids);
        more.add(id);
        return more;
    }

    /** The sale order's id in Odoo. */
    public long id() {
        return orderId;
    }

    /** The sale order's name, e.g. S00042. */
    public String name() {
        return name;
    }

    /** Its transfers, in the order Odoo made them (backorders and later steps last). */
    public List<Long> pickingIds() {
        return pickingIds == null ? List.of() : List.copyOf(pickingIds);
    }

    /** {@code sale.order/<id>}, as on portage.erp. */
    public String erpRef() {
        return "sale.order/" + orderId;
    }

    /** When Odoo confirmed the order. */
    public Instant syncedAt() {
        return syncedAt;
    }
}
