package io.portage.shipment.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One write into Odoo a shipment owes, recorded in the transaction of the change that owes it (one per shipment, kind
 * and return) and done once by the hand-over worker: pending (due at a time, claimed while worked on), done with
 * Odoo's answer, or failed for a person.
 */
@Entity
@Table(name = "odoo_hand_over")
public class OdooHandOver {

    /** What is written. */
    public enum Kind {
        /** The label's carrier and tracking reference on the delivery picking. */
        TRACKING,
        /** The delivery validated with what left (a backorder for the rest). */
        DISPATCH,
        /** The goods of a return that came back in acceptable condition, returned from the delivery. */
        RETURN
    }

    /** Where it stands. */
    public enum Status {
        PENDING, DONE, FAILED
    }

    @Id
    private UUID id;
    @Column(name = "shipment_id")
    private UUID shipmentId;
    @Column(name = "order_id")
    private UUID orderId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "return_id")
    private UUID returnId;
    private String lines;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "claimed_until")
    private Instant claimedUntil;
    @Column(name = "last_error")
    private String lastError;
    private String result;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "done_at")
    private Instant doneAt;
    @Version
    private long version;

    protected OdooHandOver() {
    }

    private static OdooHandOver of(Shipment shipment, Kind kind, UUID returnId, List<ShipmentLine> lines, Instant now) {
        OdooHandOver handOver = new OdooHandOver();
        handOver.id = UUID.randomUUID();
        handOver.shipmentId = shipment.id();
        handOver.orderId = shipment.orderId();
        handOver.kind = kind;
        handOver.returnId = returnId;
        handOver.lines = ShipmentLine.write(lines);
        handOver.status = Status.PENDING;
        handOver.dueAt = now;
        handOver.createdAt = now;
        return handOver;
    }

    /** The carrier and tracking reference of the label just bought. */
    public static OdooHandOver tracking(Shipment shipment, Instant now) {
        return of(shipment, Kind.TRACKING, null, List.of(), now);
    }

    /** The validation of the shipment's delivery with what left. */
    public static OdooHandOver dispatch(Shipment shipment, Instant now) {
        return of(shipment, Kind.DISPATCH, null, shipment.contents().shipped(), now);
    }

    /** The return of {@code accepted} (the lines that came back in acceptable condition). */
    public static OdooHandOver returned(Shipment shipment, UUID returnId, List<ShipmentLine> accepted, Instant now) {
        return of(shipment, Kind.RETURN, returnId, accepted, now);
    }

    /**
     * Whether a worker still holds its claim: a label bought again meanwhile ({@link #rewrite}) drops it, so the
     * worker's answer for the old label is not recorded as done for the new one.
     */
    public boolean claimed() {
        return status == Status.PENDING && claimedUntil != null;
    }

    /** Odoo answered; {@code answer} says what it holds now. */
    public void done(String answer, Instant now) {
        status = Status.DONE;
        result = cut(answer, 500);
        doneAt = now;
        claimedUntil = null;
        lastError = null;
    }

    /** A failure worth repeating: due again at {@code due}. */
    public void retryAt(String error, Instant due) {
        attempts++;
        lastError = cut(error, 2000);
        dueAt = due;
        claimedUntil = null;
    }

    /** Not its turn yet (what it acts on is not there yet): due again at {@code due}, no attempt counted. */
    public void waitUntil(String why, Instant due) {
        lastError = cut(why, 2000);
        dueAt = due;
        claimedUntil = null;
    }

    /** Refused, or retried too often: a person looks (an exception item) and may queue it again. */
    public void failed(String error) {
        attempts++;
        status = Status.FAILED;
        lastError = cut(error, 2000);
        claimedUntil = null;
    }

    /** The label changed (voided and bought again): its carrier and reference are written again. */
    public void rewrite(Instant now) {
        status = Status.PENDING;
        attempts = 0;
        dueAt = now;
        claimedUntil = null;
        doneAt = null;
    }

    /** Queued again after a person's retry. */
    public void requeue(Instant now) {
        if (status == Status.DONE) {
            return;
        }
        status = Status.PENDING;
        attempts = 0;
        dueAt = now;
        claimedUntil = null;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public UUID id() {
        return id;
    }

    public UUID shipmentId() {
        return shipmentId;
    }

    public UUID orderId() {
        return orderId;
    }

    public Kind kind() {
        return kind;
    }

    public UUID returnId() {
        return returnId;
    }

    public List<ShipmentLine> lines() {
        return ShipmentLine.read(lines);
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

    public String result() {
        return result;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant doneAt() {
        return doneAt;
    }
}
