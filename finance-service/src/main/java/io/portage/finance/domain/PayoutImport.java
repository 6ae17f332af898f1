package io.portage.finance.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One imported payout export: how many of its lines were matched to orders, not found, not an order's, or imported
 * before; the same content again is this import ({@code content_hash}).
 */
@Entity
@Table(name = "payout_import")
public class PayoutImport {

    @Id
    private UUID id;
    @Column(name = "content_hash")
    private String contentHash;
    private int lines;
    private int matched;
    private int unmatched;
    @Column(name = "not_orders")
    private int notOrders;
    @Column(name = "already_imported")
    private int alreadyImported;
    @Column(name = "received_by")
    private String receivedBy;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "received_at")
    private Instant receivedAt;

    protected PayoutImport() {
    }

    public PayoutImport(String contentHash, int lines, String receivedBy, String correlationId, Instant now) {
        this.id = UUID.randomUUID();
        this.contentHash = contentHash;
        this.lines = lines;
        this.receivedBy = receivedBy;
        this.correlationId = correlationId;
        this.receivedAt = now;
    }

    /** Counts one line by what became of it (null: imported before). */
    public void counted(PaymentTransaction.Status status) {
        if (status == null) {
            alreadyImported++;
            return;
        }
        switch (status) {
            case MATCHED -> matched++;
            case UNMATCHED -> unmatched++;
            case NOT_ORDER -> notOrders++;
        }
    }

    public UUID id() {
        return id;
    }

    public int lines() {
        return lines;
    }

    public int matched() {
        return matched;
    }

    public int unmatched() {
        return unmatched;
    }

    public int notOrders() {
        return notOrders;
    }

    public int alreadyImported() {
        return alreadyImported;
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
}
