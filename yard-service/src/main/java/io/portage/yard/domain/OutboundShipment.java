package io.portage.yard.domain;

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
 * A shipment as the yard knows it from shipment-service's facts, learnt in any order and any number of times: each
 * field is kept once known, and the status only moves forward (planned, labelled, dispatched; cancelled ends it).
 */
@Entity
@Table(name = "outbound_shipment")
public class OutboundShipment {

    /** How far the shipment went. */
    public enum Status {
        PLANNED, LABELLED, DISPATCHED, CANCELLED
    }

    @Id
    @Column(name = "shipment_id")
    private UUID shipmentId;
    @Column(name = "order_id")
    private String orderId;
    @Column(name = "partner_id")
    private String partnerId;
    private String warehouse;
    private String carrier;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected OutboundShipment() {
    }

    public OutboundShipment(UUID shipmentId) {
        this.shipmentId = shipmentId;
        this.status = Status.PLANNED;
    }

    /** Takes what {@code fact} tells that is not known yet. */
    public void learn(ShipmentFact fact) {
        orderId = orderId != null ? orderId : fact.orderId();
        partnerId = partnerId != null ? partnerId : fact.partnerId();
        warehouse = warehouse != null ? warehouse : fact.warehouse();
        carrier = fact.carrier() != null ? fact.carrier() : carrier;
        if (fact.status().ordinal() > status.ordinal()) {
            status = fact.status();
        }
        updatedAt = updatedAt == null || fact.at().isAfter(updatedAt) ? fact.at() : updatedAt;
    }

    /** Why an outbound appointment at {@code site} may not name it; null when it may. */
    public String refusal(String site) {
        if (warehouse == null) {
            return shipmentId + " is not known to the yard yet (no shipment-created fact)";
        }
        if (!warehouse.equals(site)) {
            return shipmentId + " ships from " + warehouse + ", not " + site;
        }
        return switch (status) {
            case DISPATCHED -> shipmentId + " was dispatched already";
            case CANCELLED -> shipmentId + " was cancelled";
            case PLANNED, LABELLED -> null;
        };
    }

    public UUID shipmentId() {
        return shipmentId;
    }

    public Status status() {
        return status;
    }

    public String warehouse() {
        return warehouse;
    }

    public String carrier() {
        return carrier;
    }

    public String orderId() {
        return orderId;
    }
}
