package io.portage.yard.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One line of an inbound receipt confirmed at the dock, as checked against its purchase order: matched, an exception
 * waiting for a person (with the discrepancy and its evidence), approved, or applied into Odoo.
 */
@Entity
@Table(name = "receipt_line")
public class ReceiptLine {

    /** Where a line stands. */
    public enum Status {
        MATCHED, EXCEPTION, APPROVED, APPLIED
    }

    @Id
    private String id;
    @Column(name = "receipt_id")
    private String receiptId;
    @Column(name = "line_number")
    private int lineNumber;
    private String site;
    @Column(name = "appointment_id")
    private UUID appointmentId;
    private String sku;
    @Column(name = "expected_qty")
    private BigDecimal expected;
    @Column(name = "received_qty")
    private BigDecimal received;
    @Column(name = "short_qty")
    private BigDecimal shortQuantity;
    @Column(name = "damaged_qty")
    private BigDecimal damaged;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String discrepancy;
    private String evidence;
    @Column(name = "purchase_order")
    private String purchaseOrder;
    @Column(name = "product_id")
    private Long productId;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "applied_at")
    private Instant appliedAt;
    @Version
    private long version;

    protected ReceiptLine() {
    }

    public ReceiptLine(String receiptId, int lineNumber, String site, UUID appointmentId, String sku, BigDecimal expected,
            BigDecimal received, BigDecimal shortQuantity, BigDecimal damaged, Instant confirmedAt) {
        this.id = id(receiptId, lineNumber);
        this.receiptId = receiptId;
        this.lineNumber = lineNumber;
        this.site = site;
        this.appointmentId = appointmentId;
        this.sku = sku;
        this.expected = expected;
        this.received = received;
        this.shortQuantity = shortQuantity;
        this.damaged = damaged;
        this.confirmedAt = confirmedAt;
    }

    public static String id(String receiptId, int lineNumber) {
        return receiptId + "#" + lineNumber;
    }

    /** The outcome of the check: the order and product it was held against (null when none), and a discrepancy or none. */
    public void checked(String order, Long product, ReceiptCheck.Verdict verdict) {
        this.purchaseOrder = order;
        this.productId = product;
        this.status = verdict.discrepancy() == null ? Status.MATCHED : Status.EXCEPTION;
        this.discrepancy = verdict.discrepancy() == null ? null : verdict.discrepancy().name();
        this.evidence = verdict.evidence();
    }

    public void approve(String by) {
        if (status != Status.EXCEPTION) {
            throw new AppointmentStateException("Only an exception can be approved; line " + lineNumber + " of "
                    + receiptId + " is " + status);
        }
        status = Status.APPROVED;
        approvedBy = by;
    }

    public void applied(Instant at) {
        status = Status.APPLIED;
        appliedAt = at;
    }

    /** What goes into Odoo's receipt for this line: what arrived, damaged goods included (they are scrapped after). */
    public BigDecimal arrived() {
        return received.add(damaged);
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public String id() {
        return id;
    }

    public String receiptId() {
        return receiptId;
    }

    public int lineNumber() {
        return lineNumber;
    }

    public String site() {
        return site;
    }

    public UUID appointmentId() {
        return appointmentId;
    }

    public String sku() {
        return sku;
    }

    public BigDecimal expected() {
        return expected;
    }

    public BigDecimal received() {
        return received;
    }

    public BigDecimal shortQuantity() {
        return shortQuantity;
    }

    public BigDecimal damaged() {
        return damaged;
    }

    public Status status() {
        return status;
    }

    public String discrepancy() {
        return discrepancy;
    }

    public String evidence() {
        return evidence;
    }

    public String purchaseOrder() {
        return purchaseOrder;
    }

    public Long productId() {
        return productId;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant appliedAt() {
        return appliedAt;
    }
}
