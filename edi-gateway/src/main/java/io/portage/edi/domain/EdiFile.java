package io.portage.edi.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One file exchanged with a partner, kept for good: its content and hash (the archive), its control numbers and what
 * it produced or came from (the trace); an outbound file is PENDING until the dispatcher pushed it, and a document
 * that asks for a 997 waits for it ({@code ackStatus} W) until {@code ackDueAt}. Written once; its send and
 * acknowledgement states change through {@code EdiFileRepository}'s targeted updates, never a whole-row write.
 */
@Entity
@Table(name = "edi_file")
public class EdiFile {

    /** Which way the file went. */
    public enum Direction {
        IN, OUT
    }

    /** OUT: PENDING then SENT; IN: PROCESSED (every set applied or refused one by one) or REFUSED (unreadable). */
    public enum Status {
        PENDING, SENT, PROCESSED, REFUSED
    }

    @Id
    private UUID id;
    @Column(name = "partner_id")
    private String partnerId;
    @Enumerated(EnumType.STRING)
    private Direction direction;
    private String document;
    @Column(name = "file_name")
    private String fileName;
    private String sha256;
    @Column(name = "interchange_control")
    private String interchangeControl;
    @Column(name = "group_control")
    private String groupControl;
    @Column(name = "set_controls")
    private String setControls;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String content;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "business_key")
    private String businessKey;
    private String events;
    private int attempts;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "ack_due_at")
    private Instant ackDueAt;
    @Column(name = "ack_status")
    private String ackStatus;
    @Column(name = "interchange_ack")
    private String interchangeAck;

    protected EdiFile() {
    }

    public EdiFile(Direction direction, String partnerId, String document, String fileName, String sha256,
            String interchangeControl, String groupControl, String setControls, Status status, String content,
            String correlationId, String businessKey, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.direction = direction;
        this.partnerId = partnerId;
        this.document = document;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.interchangeControl = interchangeControl;
        this.groupControl = groupControl;
        this.setControls = setControls;
        this.status = status;
        this.content = content;
        this.correlationId = correlationId;
        this.businessKey = businessKey;
        this.createdAt = createdAt;
    }

    /** The partner owes a 997 for this file by {@code due}. */
    public void awaitAcknowledgment(Instant due) {
        this.ackDueAt = due;
        this.ackStatus = "W";
    }

    public void refused(String reason) {
        this.status = Status.REFUSED;
        this.lastError = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    }

    public void produced(String eventIds) {
        this.events = eventIds.length() > 4000 ? eventIds.substring(0, 4000) : eventIds;
    }

    public UUID id() {
        return id;
    }

    public String partnerId() {
        return partnerId;
    }

    public Direction direction() {
        return direction;
    }

    public String document() {
        return document;
    }

    public String fileName() {
        return fileName;
    }

    public String sha256() {
        return sha256;
    }

    public String interchangeControl() {
        return interchangeControl;
    }

    public String groupControl() {
        return groupControl;
    }

    public String setControls() {
        return setControls;
    }

    public Status status() {
        return status;
    }

    public String content() {
        return content;
    }

    public String correlationId() {
        return correlationId;
    }

    public String businessKey() {
        return businessKey;
    }

    public String events() {
        return events;
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

    public Instant sentAt() {
        return sentAt;
    }

    public Instant ackDueAt() {
        return ackDueAt;
    }

    public String ackStatus() {
        return ackStatus;
    }

    /** The partner's TA1 for this interchange (A, E, R), if one came. */
    public String interchangeAck() {
        return interchangeAck;
    }
}
