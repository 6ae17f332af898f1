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
 * A shipment of a customer who wants 856 ship notices: planned, then dispatched (waiting for its order's facts if they
 * are not known yet), then noticed once, with the 856's file.
 */
@Entity
@Table(name = "edi_ship_notice")
public class ShipmentNotice {

    /** Where the shipment's notice stands. */
    public enum Status {
        /** Planned, not dispatched. */
        CREATED,
        /** Dispatched, its order's release not received yet. */
        WAITING,
        /** The 856 is written (or refused as an exception): never again. */
        SENT
    }

    @Id
    @Column(name = "shipment_id")
    private String shipmentId;
    @Column(name = "order_id")
    private String orderId;
    @Column(name = "partner_id")
    private String partnerId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String carrier;
    private String tracking;
    private Integer parcels;
    @Column(name = "dispatched_at")
    private Instant dispatchedAt;
    @Column(name = "file_id")
    private UUID fileId;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ShipmentNotice() {
    }

    public ShipmentNotice(String shipmentId, String orderId, String partnerId, Instant createdAt) {
        this.shipmentId = shipmentId;
        this.orderId = orderId;
        this.partnerId = partnerId;
        this.status = Status.CREATED;
        this.createdAt = createdAt;
    }

    /** Records the dispatch; answers false when it was recorded before (a repeated dispatch changes nothing). */
    public boolean dispatched(String carrier, String tracking, int parcels, Instant at) {
        if (status != Status.CREATED) {
            return false;
        }
        this.carrier = carrier;
        this.tracking = tracking;
        this.parcels = parcels;
        this.dispatchedAt = at;
        this.status = Status.WAITING;
        return true;
    }

    public void sent(UUID fileId) {
        this.fileId = fileId;
        this.status = Status.SENT;
    }

    public String shipmentId() {
        return shipmentId;
    }

    public String orderId() {
        return orderId;
    }

    public String partnerId() {
        return partnerId;
    }

    public Status status() {
        return status;
    }

    public String carrier() {
        return carrier;
    }

    public String tracking() {
        return tracking;
    }

    public int parcels() {
        return parcels == null ? 1 : parcels;
    }

    public Instant dispatchedAt() {
        return dispatchedAt;
    }

    public UUID fileId() {
        return fileId;
    }
}
