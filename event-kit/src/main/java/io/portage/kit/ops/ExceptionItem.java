package io.portage.kit.ops;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A business exception for a person to settle (an unknown SKU, an invalid address, a missed appointment, a disputed
 * charge, an event whose predecessor never came), in the service's {@code exception_item} table.
 */
@Entity
@Table(name = "exception_item")
public class ExceptionItem {

    /** Where an item stands; only OPEN items wait for someone. */
    public enum Status {
        /** Waits for its owner. */
        OPEN,
        /** Settled by a retry of the automation that raised it. */
        RETRIED,
        /** Settled by a person outside the automation (the resolution says how). */
        RESOLVED,
        /** Dropped, with a reason. */
        DISCARDED
    }

    @Id
    private UUID id;
    private String type;
    @Column(name = "owner_role")
    private String ownerRole;
    @Column(name = "business_key")
    private String businessKey;
    private String summary;
    private String payload;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "resolved_by")
    private String resolvedBy;
    private String resolution;

    protected ExceptionItem() {
    }

    ExceptionItem(String type, String ownerRole, String businessKey, String summary, String payload, Instant now) {
        this.id = UUID.randomUUID();
        this.type = type;
        this.ownerRole = ownerRole;
        this.businessKey = businessKey;
        this.summary = summary;
        this.payload = payload;
        this.status = Status.OPEN;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void close(Status closed, String actor, String how, Instant now) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("Exception " + id + " is " + status + ", not OPEN");
        }
        status = closed;
        resolvedBy = actor;
        resolution = how;
        updatedAt = now;
        if (closed == Status.RETRIED) {
            attempts++;
        }
    }

    void retryFailed(String error, Instant now) {
        attempts++;
        lastError = error;
        updatedAt = now;
    }

    void update(String newSummary, String newPayload, Instant now) {
        summary = newSummary;
        payload = newPayload;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String ownerRole() {
        return ownerRole;
    }

    public String businessKey() {
        return businessKey;
    }

    public String summary() {
        return summary;
    }

    public String payload() {
        return payload;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public String resolution() {
        return resolution;
    }
}
