package io.portage.finance.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** What shipment-service said happened to a shipment (created for an order, dispatched, delivered), once per kind. */
@Entity
@Table(name = "shipment_fact")
@IdClass(ShipmentFact.Key.class)
public class ShipmentFact {

    /** The facts that matter to invoicing. */
    public enum Kind {
        CREATED, DISPATCHED, DELIVERED
    }

    /** The key: one fact of a kind per shipment. */
    public static class Key implements Serializable {

        String shipmentId;
        Kind kind;

        public Key() {
        }

        public Key(String shipmentId, Kind kind) {
            this.shipmentId = shipmentId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(shipmentId, key.shipmentId) && kind == key.kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(shipmentId, kind);
        }
    }

    @Id
    @Column(name = "shipment_id")
    private String shipmentId;
    @Id
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "order_id")
    private String orderId;
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "happened_at")
    private Instant happenedAt;

    protected ShipmentFact() {
    }

    public ShipmentFact(String shipmentId, Kind kind, String orderId, String eventId, Instant happenedAt) {
        this.shipmentId = shipmentId;
        this.kind = kind;
        this.orderId = orderId;
        this.eventId = eventId;
        this.happenedAt = happenedAt;
    }

    public String shipmentId() {
        return shipmentId;
    }

    public Kind kind() {
        return kind;
    }

    public String orderId() {
        return orderId;
    }

    public String eventId() {
        return eventId;
    }
}
