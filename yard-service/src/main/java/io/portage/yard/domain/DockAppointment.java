package io.portage.yard.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A carrier's appointment at a door of one dock of a site for a slot. The database refuses two appointments holding
 * the same door whose slots overlap (an exclusion constraint), so concurrent bookings cannot double-book a door.
 */
@Entity
@Table(name = "dock_appointment")
public class DockAppointment {

    @Id
    private UUID id;
    private String site;
    private String dock;
    private String door;
    @Column(name = "load_type")
    private String loadType;
    @Enumerated(EnumType.STRING)
    private Direction direction;
    private String carrier;
    private String reference;
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "slot_start")
    private Instant slotStart;
    @Column(name = "slot_end")
    private Instant slotEnd;
    @Enumerated(EnumType.STRING)
    private AppointmentStatus status;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "booked_at")
    private Instant bookedAt;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "status_changed_at")
    private Instant statusChangedAt;
    @Column(name = "arrived_at")
    private Instant arrivedAt;
    @Column(name = "purchase_orders")
    private String purchaseOrders;
    private String shipments;
    @Column(name = "expected_arrival")
    private Instant expectedArrival;
    @Column(name = "eta_source")
    private String etaSource;
    @Column(name = "eta_reported_at")
    private Instant etaReportedAt;
    @Column(name = "at_risk_since")
    private Instant atRiskSince;
    @Column(name = "event_sequence")
    private long eventSequence = 1;
    @Version
    private long version;

    protected DockAppointment() {
    }

    /** A booking: scheduled, or requested with {@code holdReason} when a check failed and a person decides. */
    public static DockAppointment book(String site, String dock, String door, String loadType, Direction direction,
            String carrier, String reference, String partnerId, Slot slot, List<String> purchaseOrders,
            List<String> shipments, String holdReason, String correlationId, Instant now) {
        DockAppointment appointment = new DockAppointment();
        appointment.id = UUID.randomUUID();
        appointment.site = site;
        appointment.dock = dock;
        appointment.door = door;
        appointment.loadType = loadType;
        appointment.direction = direction;
        appointment.carrier = carrier;
        appointment.reference = reference;
        appointment.partnerId = partnerId;
        appointment.slotStart = slot.start();
        appointment.slotEnd = slot.end();
        appointment.purchaseOrders = purchaseOrders.isEmpty() ? null : String.join(",", purchaseOrders);
        appointment.shipments = shipments.isEmpty() ? null : String.join(",", shipments);
        appointment.status = holdReason == null ? AppointmentStatus.SCHEDULED : AppointmentStatus.REQUESTED;
        appointment.statusReason = holdReason;
        appointment.statusChangedAt = holdReason == null ? null : now;
        appointment.correlationId = correlationId;
        appointment.bookedAt = now;
        return appointment;
    }

    /**
     * The same booking again (a retry): same site, dock, load type, slot, direction, carrier, reference, partner, orders
     * and shipments.
     */
    public boolean isSameBookingAs(String site, String dock, String loadType, Direction direction, String carrier,
            String reference, String partnerId, Slot slot, List<String> purchaseOrders, List<String> shipments) {
        return purchaseOrders().equals(purchaseOrders) && shipments().equals(shipments) && this.site.equals(site)
                && this.dock.equals(dock)
                && Objects.equals(this.loadType, loadType)
                && this.direction == direction && this.carrier.equals(carrier) && this.reference.equals(reference)
                && Objects.equals(this.partnerId, partnerId) && slot().equals(slot);
    }

    /** Cancels it (a cancelled one stays as it was); only a requested or scheduled appointment may be cancelled. */
    public boolean cancel(String reason, Instant now) {
        if (status == AppointmentStatus.CANCELLED) {
            return false;
        }
        requireChangeable("cancel");
        status = AppointmentStatus.CANCELLED;
        statusReason = reason;
        statusChangedAt = now;
        return true;
    }

    /** Moves it to {@code slot} at {@code door}; only a requested or scheduled appointment may move. */
    public void reschedule(Slot slot, String door) {
        requireChangeable("reschedule");
        this.slotStart = slot.start();
        this.slotEnd = slot.end();
        this.door = door;
    }

    /** Marks a scheduled appointment whose truck has not arrived a no-show; false when it is not scheduled or arrived. */
    public boolean markNoShow(Instant now) {
        if (status != AppointmentStatus.SCHEDULED || arrivedAt != null) {
            return false;
        }
        status = AppointmentStatus.NO_SHOW;
        statusChangedAt = now;
        return true;
    }

    public Instant arrivedAt() {
        return arrivedAt;
    }

    /** Schedules a requested appointment (an operator's decision after a failed check). */
    public void schedule(Instant now) {
        if (status != AppointmentStatus.REQUESTED) {
            throw new AppointmentStateException("Only a requested appointment can be scheduled; this one is " + status);
        }
        status = AppointmentStatus.SCHEDULED;
        statusReason = null;
        statusChangedAt = now;
    }

    /** The shipments an outbound appointment names. */
    public List<String> shipments() {
        return shipments == null ? List.of() : List.of(shipments.split(","));
    }

    public List<String> purchaseOrders() {
        return purchaseOrders == null ? List.of() : List.of(purchaseOrders.split(","));
    }

    /**
     * Follows its truck's visit forward: arrived, in progress, completed; records when the truck arrived. Never moves
     * back; a cancelled appointment stays cancelled and a no-show stays a no-show (its slot and door are gone), both
     * with the late arrival recorded.
     */
    public boolean followVisit(VisitStatus visit, Instant arrived) {
        if (arrived != null && (arrivedAt == null || arrived.isBefore(arrivedAt))) {
            arrivedAt = arrived;
        }
        AppointmentStatus target = switch (visit) {
            case SEEN -> null;
            case ARRIVED, IN_YARD, AT_DOOR -> AppointmentStatus.ARRIVED;
            case IN_PROGRESS -> AppointmentStatus.IN_PROGRESS;
            case COMPLETED, DEPARTED -> AppointmentStatus.COMPLETED;
        };
        if (target == null || status == AppointmentStatus.CANCELLED || status == AppointmentStatus.NO_SHOW
                || progress(target) <= progress(status)) {
            return false;
        }
        status = target;
        return true;
    }

    private static int progress(AppointmentStatus status) {
        return switch (status) {
            case REQUESTED, CANCELLED -> 0;
            case SCHEDULED, NO_SHOW -> 1;
            case ARRIVED -> 2;
            case IN_PROGRESS -> 3;
            case COMPLETED -> 4;
        };
    }

    /** What an estimated arrival did to the appointment's risk of missing its slot. */
    public enum Forecast {
        /** An estimate made before the one it holds: kept out, nothing changed. */
        OUTDATED,
        /** Within the slot's start plus grace. */
        ON_TIME,
        /** Later than that, and it was not at risk before. */
        NOW_AT_RISK,
        /** Later than that, as before. */
        STILL_AT_RISK,
        /** Within it again after being at risk. */
        BACK_ON_TIME
    }

    /**
     * Takes the truck's estimated arrival {@code eta}, made at {@code reportedAt} by {@code source}: the latest estimate
     * wins, an older one delivered late is kept out. At risk while it is later than the slot's start plus
     * {@code grace}. Only a requested or scheduled appointment whose truck has not arrived takes estimates.
     */
    public Forecast expectArrival(Instant eta, String source, Instant reportedAt, Duration grace) {
        if (arrivedAt != null || !status.changeable()) {
            throw new AppointmentStateException("An appointment that is " + status
                    + (arrivedAt != null ? " with its truck arrived" : "") + " takes no estimated arrival");
        }
        if (etaReportedAt != null && reportedAt.isBefore(etaReportedAt)) {
            return Forecast.OUTDATED;
        }
        expectedArrival = eta;
        etaSource = source;
        etaReportedAt = reportedAt;
        boolean late = eta.isAfter(slotStart.plus(grace));
        if (late == (atRiskSince != null)) {
            return late ? Forecast.STILL_AT_RISK : Forecast.ON_TIME;
        }
        atRiskSince = late ? reportedAt : null;
        return late ? Forecast.NOW_AT_RISK : Forecast.BACK_ON_TIME;
    }

    public Instant expectedArrival() {
        return expectedArrival;
    }

    public String etaSource() {
        return etaSource;
    }

    public Instant etaReportedAt() {
        return etaReportedAt;
    }

    /** Since when its truck is expected to miss the slot; null when it is not. */
    public Instant atRiskSince() {
        return atRiskSince;
    }

    /** The sequence number of the next event about this appointment (its booking was 1). */
    public long nextEventSequence() {
        return ++eventSequence;
    }

    private void requireChangeable(String change) {
        if (!status.changeable()) {
            throw new AppointmentStateException("An appointment that is " + status + " cannot " + change);
        }
    }

    public UUID id() {
        return id;
    }

    public String site() {
        return site;
    }

    public String dock() {
        return dock;
    }

    public String door() {
        return door;
    }

    public String loadType() {
        return loadType;
    }

    public Direction direction() {
        return direction;
    }

    public String carrier() {
        return carrier;
    }

    public String reference() {
        return reference;
    }

    public String partnerId() {
        return partnerId;
    }

    public Slot slot() {
        return new Slot(slotStart, slotEnd);
    }

    public AppointmentStatus status() {
        return status;
    }

    public String correlationId() {
        return correlationId;
    }

    public Instant bookedAt() {
        return bookedAt;
    }

    public String statusReason() {
        return statusReason;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }
}
