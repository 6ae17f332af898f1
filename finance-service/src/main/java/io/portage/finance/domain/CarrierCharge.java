package io.portage.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A carrier charge Portage confirmed (a label or a return label bought at the carrier's price, or detention charged at a
 * dock appointment), kept with the event that reported it: what a carrier's invoice line is matched against.
 */
@Entity
@Table(name = "carrier_charge")
public class CarrierCharge {

    /** What the charge was for: a label bought, a return label bought, or detention charged at a dock appointment. */
    public enum Kind {
        LABEL, RETURN_LABEL, DETENTION
    }

    /**
     * The charge's accrual in Odoo: to post, posted (and reversed once billed, {@link #reversalMoveId}), or not
     * accrued because its currency is not the company's (an exception says so).
     */
    public enum AccrualStatus {
        PENDING, POSTED, NOT_ACCRUED
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
    @Column(name = "accrual_status")
    @Enumerated(EnumType.STRING)
    private AccrualStatus accrualStatus = AccrualStatus.PENDING;
    @Column(name = "accrual_ref")
    private String accrualRef;
    @Column(name = "accrual_move_id")
    private Long accrualMoveId;
    @Column(name = "accrual_error")
    private String accrualError;
    @Column(name = "billed_by")
    private UUID billedBy;
    @Column(name = "reversal_move_id")
    private Long reversalMoveId;
    @Column(name = "visit_id")
    private String visitId;
    private String evidence;
    @Column(name = "return_id")
    private String returnId;

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

    /**
     * Detention charged for an appointment: the appointment id is both the reference the carrier's invoice line names
     * (tracking number) and the accrual's; {@code evidenceJson} is what the charge was worked out from.
     */
    public static CarrierCharge detention(String carrier, String appointmentId, String visitId, BigDecimal amount,
            String currency, String eventId, String correlationId, Instant chargedAt, String evidenceJson) {
        CarrierCharge charge = new CarrierCharge(carrier, appointmentId, appointmentId, Kind.DETENTION, amount, currency,
                eventId, correlationId, chargedAt);
        charge.visitId = visitId;
        charge.evidence = evidenceJson;
        return charge;
    }

    /** A return label bought for a shipment's return: its tracking number is the return parcel's. */
    public static CarrierCharge returnLabel(String carrier, String trackingNumber, String shipmentId, String returnId,
            BigDecimal amount, String currency, String eventId, String correlationId, Instant generatedAt) {
        CarrierCharge charge = new CarrierCharge(carrier, trackingNumber, shipmentId, Kind.RETURN_LABEL, amount, currency,
                eventId, correlationId, generatedAt);
        charge.returnId = returnId;
        return charge;
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

    /** The accrual's Odoo ref: the shipment and what the charge was for, unique per charge. */
    public String accrualRef() {
        return "ACCR/" + shipmentId + "/" + kind + "/" + eventId;
    }

    public void accrued(long moveId) {
        accrualStatus = AccrualStatus.POSTED;
        accrualRef = accrualRef();
        accrualMoveId = moveId;
        accrualError = null;
    }

    public void notAccrued(String reason) {
        accrualStatus = AccrualStatus.NOT_ACCRUED;
        accrualError = reason;
    }

    /** A charge not accrued (no exchange rate then) to be accrued again by the next pass. */
    public void requeueAccrual() {
        if (accrualStatus == AccrualStatus.NOT_ACCRUED) {
            accrualStatus = AccrualStatus.PENDING;
            accrualError = null;
        }
    }

    public void accrualFailed(String reason) {
        accrualError = reason;
    }

    public void reversed(long moveId) {
        reversalMoveId = moveId;
    }

    public UUID id() {
        return id;
    }

    public AccrualStatus accrualStatus() {
        return accrualStatus;
    }

    public Long accrualMoveId() {
        return accrualMoveId;
    }

    public String accrualError() {
        return accrualError;
    }

    public UUID billedBy() {
        return billedBy;
    }

    public Long reversalMoveId() {
        return reversalMoveId;
    }

    public String kind() {
        return kind;
    }

    public String visitId() {
        return visitId;
    }

    public String returnId() {
        return returnId;
    }

    public String evidenceJson() {
        return evidence;
    }

    public boolean is(Kind other) {
        return other.name().equals(kind);
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }
}
