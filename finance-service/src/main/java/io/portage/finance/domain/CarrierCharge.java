package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A carrier charge Portage confirmed for a shipment (a label bought at the carrier's price), kept with the event that
 * reported it: what a carrier's invoice line is matched against.
 */
@Entity
@Table(name = "carrier_charge")
public class CarrierCharge {

    /** What the charge was for. */
    public enum Kind {
        LABEL
    }

    @Id
    private UUID id;
    private String carrier;
    @Column(name = "tracking_number")
    private String trackingNumber;
    @Column(name = "shipment_id")
    private String shipmentId;
    private String kind;
    private BigDecimal amount;
    private String currency;
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected CarrierCharge() {
    }

    public CarrierCharge(String carrier, String trackingNumber, String shipmentId, Kind kind, BigDecimal amount,
            String currency, String eventId, String correlationId, Instant confirmedAt) {
        this.id = UUID.randomUUID();
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
        this.shipmentId = shipmentId;
        this.kind = kind.name();
        this.amount = amount;
        this.currency = currency;
        this.eventId = eventId;
        this.correlationId = correlationId;
        this.confirmedAt = confirmedAt;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public String shipmentId() {
        return shipmentId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String eventId() {
        return eventId;
    }

    public String kind() {
        return kind;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }
}
