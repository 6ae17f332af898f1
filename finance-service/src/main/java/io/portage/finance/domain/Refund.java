package io.portage.finance.domain;

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
 * A customer refund for a return: waiting for its order's invoice, not refundable (condition, or no invoice to credit in
 * time), waiting for a finance approver, approved (by the policy under the threshold, or by a person), refused, or
 * credited in Odoo.
 */
@Entity
@Table(name = "refund")
public class Refund {

    /** Where a refund stands. */
    public enum Status {
        WAITING_FOR_INVOICE, NOT_REFUNDABLE, PENDING_APPROVAL, APPROVED, REFUSED, CREDITED
    }

    @Id
    private UUID id;
    @Column(name = "return_id")
    private String returnId;
    @Column(name = "shipment_id")
    private String shipmentId;
    @Column(name = "order_id")
    private String orderId;
    @Column(name = "invoice_id")
    private Long invoiceId;
    private BigDecimal amount;
    private String currency;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    private String reason;
    @Column(name = "credit_note_id")
    private Long creditNoteId;
    @Column(name = "credit_note_name")
    private String creditNoteName;
    private String error;
    @Version
    private long version;

    protected Refund() {
    }

    public Refund(String returnId, String shipmentId, String eventId, String correlationId, Instant receivedAt) {
        this.id = UUID.randomUUID();
        this.returnId = returnId;
        this.shipmentId = shipmentId;
        this.eventId = eventId;
        this.correlationId = correlationId;
        this.receivedAt = receivedAt;
    }

    public void notRefundable(String orderId, String why) {
        this.orderId = orderId;
        status = Status.NOT_REFUNDABLE;
        reason = why;
    }

    /** No invoice to credit yet: the return waits for its order's (the order may not be known yet either). */
    public void waitForInvoice(String orderId) {
        this.orderId = orderId;
        status = Status.WAITING_FOR_INVOICE;
        reason = "waiting for the order's customer invoice";
    }

    /** The invoice to credit: approved at once when the policy allows, otherwise waiting for an approver. */
    public void toCredit(String orderId, long invoiceId, BigDecimal amount, String currency, boolean needsApproval,
            Instant now) {
        this.orderId = orderId;
        this.invoiceId = invoiceId;
        this.amount = amount;
        this.currency = currency;
        if (needsApproval) {
            status = Status.PENDING_APPROVAL;
        } else {
            status = Status.APPROVED;
            decidedBy = "policy";
            decidedAt = now;
            reason = "at or under the approval threshold";
        }
    }

    /** A person's decision; answers whether the refund was waiting for one. */
    public boolean decide(boolean approve, String person, String why, Instant now) {
        if (status != Status.PENDING_APPROVAL) {
            return false;
        }
        status = approve ? Status.APPROVED : Status.REFUSED;
        decidedBy = person;
        decidedAt = now;
        reason = why;
        return true;
    }

    public void credited(long noteId, String noteName) {
        status = Status.CREDITED;
        creditNoteId = noteId;
        creditNoteName = noteName;
        error = null;
    }

    public void failed(String why) {
        error = why;
    }

    public UUID id() {
        return id;
    }

    public String returnId() {
        return returnId;
    }

    public String shipmentId() {
        return shipmentId;
    }

    public String orderId() {
        return orderId;
    }

    public Long invoiceId() {
        return invoiceId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public Status status() {
        return status;
    }

    public String eventId() {
        return eventId;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String reason() {
        return reason;
    }

    public Long creditNoteId() {
        return creditNoteId;
    }

    public String creditNoteName() {
        return creditNoteName;
    }

    public String error() {
        return error;
    }
}
