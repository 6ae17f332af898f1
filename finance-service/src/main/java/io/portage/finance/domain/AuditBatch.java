package io.portage.finance.domain;

import java.time.Duration;
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
 * One delivery of carrier invoices (a CSV file, a partner API call, an EDI 210 event), audited line by line; the same
 * content again is this batch ({@code content_hash}), so receiving it twice creates nothing.
 */
@Entity
@Table(name = "audit_batch")
public class AuditBatch {

    /** Where a batch stands: its lines being audited, its matched invoices being billed, or done. */
    public enum Status {
        AUDITING, BILLING, DONE
    }

    @Id
    private UUID id;
    private String source;
    @Column(name = "content_hash")
    private String contentHash;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "total_lines")
    private int totalLines;
    @Column(name = "audited_lines")
    private int auditedLines;
    @Column(name = "received_by")
    private String receivedBy;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "billing_claimed_until")
    private Instant billingClaimedUntil;
    @Version
    private long version;

    protected AuditBatch() {
    }

    public AuditBatch(String source, String contentHash, int totalLines, String receivedBy, String correlationId,
            Instant now) {
        this.id = UUID.randomUUID();
        this.source = source;
        this.contentHash = contentHash;
        this.status = Status.AUDITING;
        this.totalLines = totalLines;
        this.receivedBy = receivedBy;
        this.correlationId = correlationId;
        this.receivedAt = now;
    }

    public void audited(int lines) {
        auditedLines += lines;
        if (auditedLines >= totalLines) {
            status = Status.BILLING;
        }
    }

    public void finish(Instant now) {
        status = Status.DONE;
        finishedAt = now;
        billingClaimedUntil = null;
    }

    /**
     * Claims the batch's billing until {@code now + lease} unless another runner holds an unexpired claim; the claim is
     * only as good as the commit that writes it (the version makes a second claimant's commit fail).
     */
    public boolean claimBilling(Instant now, Duration lease) {
        if (status != Status.BILLING || (billingClaimedUntil != null && billingClaimedUntil.isAfter(now))) {
            return false;
        }
        billingClaimedUntil = now.plus(lease);
        return true;
    }

    /** Holds the claim {@code lease} longer, from {@code now}: the runner is still at it. */
    public void renewBilling(Instant now, Duration lease) {
        if (billingClaimedUntil != null) {
            billingClaimedUntil = now.plus(lease);
        }
    }

    /** Gives the billing claim up (a runner that stopped on a failure), so the next run need not wait for it to lapse. */
    public void releaseBilling() {
        billingClaimedUntil = null;
    }

    public UUID id() {
        return id;
    }

    public String source() {
        return source;
    }

    public Status status() {
        return status;
    }

    public int totalLines() {
        return totalLines;
    }

    public int auditedLines() {
        return auditedLines;
    }

    public String receivedBy() {
        return receivedBy;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
