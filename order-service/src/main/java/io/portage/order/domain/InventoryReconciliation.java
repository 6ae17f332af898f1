package io.portage.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * A stock snapshot from a WMS or 3PL compared line by line with Odoo's quantities at the time of the comparison. A
 * quantity Odoo changed after the snapshot was taken is never judged against it (verdict CHANGED_IN_ODOO_SINCE): the
 * snapshot no longer describes it. Nothing here writes to Odoo.
 */
@Entity
@Table(name = "inventory_reconciliation")
public class InventoryReconciliation {

    /** What one line's comparison found. */
    public enum Verdict {

        /** Odoo has the snapshot's quantity. */
        MATCH,
        /** Odoo has another quantity and has not changed it since the snapshot: for a person to review. */
        DIFFERENT,
        /** Odoo's quantity changed after the snapshot was taken: the snapshot is out of date for it, never applied. */
        CHANGED_IN_ODOO_SINCE,
        /** Odoo has no active product with this SKU. */
        UNKNOWN_SKU,
        /** Odoo has no internal location by this name at the site. */
        UNKNOWN_LOCATION;

        /** Whether a person has to look at it. */
        public boolean needsReview() {
            return this == DIFFERENT || this == UNKNOWN_SKU || this == UNKNOWN_LOCATION;
        }
    }

    /** What Odoo holds for a line: the quantity on hand and when it last changed (null: no quant). */
    public record OdooStock(BigDecimal quantity, Instant changedAt) {
    }

    /** A snapshot line as received. */
    public record Count(String site, String sku, String location, BigDecimal quantity) {
    }

    @Id
    private UUID id;
    private String source;
    @Column(name = "taken_at")
    private Instant takenAt;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "received_by")
    private String receivedBy;
    @Column(name = "line_count")
    private int lineCount;
    @Column(name = "difference_count")
    private int differenceCount;
    @Column(name = "changed_count")
    private int changedCount;
    @Column(name = "correlation_id")
    private String correlationId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inventory_reconciliation_line", joinColumns = @JoinColumn(name = "reconciliation_id"))
    @OrderColumn(name = "line_no")
    private List<Line> lines = new ArrayList<>();

    protected InventoryReconciliation() {
    }

    public InventoryReconciliation(String source, Instant takenAt, Instant receivedAt, String receivedBy,
            String correlationId) {
        this.id = UUID.randomUUID();
        this.source = source;
        this.takenAt = takenAt;
        this.receivedAt = receivedAt;
        this.receivedBy = receivedBy;
        this.correlationId = correlationId;
    }

    /**
     * Compares one snapshot line with what Odoo holds ({@code odoo} null: the SKU or location is unknown to Odoo, as
     * {@code unknown} says) and adds it with its verdict.
     */
    public Line compare(Count count, OdooStock odoo, Verdict unknown) {
        Line line;
        if (odoo == null) {
            line = new Line(count, null, null, unknown, null);
        } else {
            BigDecimal difference = count.quantity().subtract(odoo.quantity());
            Verdict verdict = odoo.changedAt() != null && odoo.changedAt().isAfter(takenAt)
                    ? Verdict.CHANGED_IN_ODOO_SINCE
                    : difference.signum() == 0 ? Verdict.MATCH : Verdict.DIFFERENT;
            line = new Line(count, odoo.quantity(), difference, verdict, odoo.changedAt());
        }
        lines.add(line);
        lineCount = lines.size();
        if (line.verdict().needsReview()) {
            differenceCount++;
        }
        if (line.verdict() == Verdict.CHANGED_IN_ODOO_SINCE) {
            changedCount++;
        }
        return line;
    }

    /** One compared line. */
    @Embeddable
    public static class Line {

        private String site;
        private String sku;
        private String location;
        @Column(name = "snapshot_qty")
        private BigDecimal snapshotQty;
        @Column(name = "odoo_qty")
        private BigDecimal odooQty;
        private BigDecimal difference;
        @Enumerated(EnumType.STRING)
        private Verdict verdict;
        @Column(name = "odoo_changed_at")
        private Instant odooChangedAt;

        protected Line() {
        }

        Line(Count count, BigDecimal odooQty, BigDecimal difference, Verdict verdict, Instant odooChangedAt) {
            this.site = count.site();
            this.sku = count.sku();
            this.location = count.location();
            this.snapshotQty = count.quantity();
            this.odooQty = odooQty;
            this.difference = difference;
            this.verdict = verdict;
            this.odooChangedAt = odooChangedAt;
        }

        public String site() {
            return site;
        }

        public String sku() {
            return sku;
        }

        public String location() {
            return location;
        }

        public BigDecimal snapshotQty() {
            return snapshotQty;
        }

        public BigDecimal odooQty() {
            return odooQty;
        }

        /** Snapshot minus Odoo; null when Odoo has nothing to compare. */
        public BigDecimal difference() {
            return difference;
        }

        public Verdict verdict() {
            return verdict;
        }

        public Instant odooChangedAt() {
            return odooChangedAt;
        }
    }

    public UUID id() {
        return id;
    }

    public String source() {
        return source;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String receivedBy() {
        return receivedBy;
    }

    public int lineCount() {
        return lineCount;
    }

    /** Lines a person has to review (DIFFERENT, UNKNOWN_SKU, UNKNOWN_LOCATION). */
    public int differenceCount() {
        return differenceCount;
    }

    public int changedCount() {
        return changedCount;
    }

    public String correlationId() {
        return correlationId;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }
}
