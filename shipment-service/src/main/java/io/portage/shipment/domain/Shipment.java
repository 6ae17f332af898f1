package io.portage.shipment.domain;

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

/** A shipment planned for one order (one per order for now), in the {@code shipments} schema. */
@Entity
@Table(name = "shipment")
public class Shipment {

    @Id
    private UUID id;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "partner_id")
    private String partnerId;
    private String warehouse;
    @Enumerated(EnumType.STRING)
    private ShipmentStatus status;
    @Column(name = "ship_to_name")
    private String shipToName;
    @Column(name = "ship_to_city")
    private String shipToCity;
    @Column(name = "ship_to_postal_code")
    private String shipToPostalCode;
    @Column(name = "ship_to_country")
    private String shipToCountry;
    @Column(name = "line_count")
    private int lineCount;
    @Column(name = "total_quantity")
    private BigDecimal totalQuantity;
    @Column(name = "source_event_id")
    private String sourceEventId;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "planned_at")
    private Instant plannedAt;
    @Version
    private long version;

    protected Shipment() {
    }

    /** Plans the shipment of an order that was received; {@code sourceEventId} is the event that caused it. */
    public static Shipment plan(UUID orderId, String partnerId, String warehouse, ShipTo shipTo, int lineCount,
            BigDecimal totalQuantity, String sourceEventId, String correlationId, Instant now) {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.orderId = orderId;
        shipment.partnerId = partnerId;
        shipment.warehouse = warehouse;
        shipment.status = ShipmentStatus.PLANNED;
        shipment.shipToName = shipTo.name();
        shipment.shipToCity = shipTo.city();
        shipment.shipToPostalCode = shipTo.postalCode();
        shipment.shipToCountry = shipTo.country();
        shipment.lineCount = lineCount;
        shipment.totalQuantity = totalQuantity;
        shipment.sourceEventId = sourceEventId;
        shipment.correlationId = correlationId;
        shipment.plannedAt = now;
        return shipment;
    }

    /** Where the shipment goes. */
    public record ShipTo(String name, String city, String postalCode, String country) {
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public String partnerId() {
        return partnerId;
    }

    public String warehouse() {
        return warehouse;
    }

    public ShipmentStatus status() {
        return status;
    }

    public ShipTo shipTo() {
        return new ShipTo(shipToName, shipToCity, shipToPostalCode, shipToCountry);
    }

    public int lineCount() {
        return lineCount;
    }

    public BigDecimal totalQuantity() {
        return totalQuantity;
    }

    public String sourceEventId() {
        return sourceEventId;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant plannedAt() {
        return plannedAt;
    }
}
