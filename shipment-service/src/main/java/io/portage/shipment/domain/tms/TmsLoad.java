package io.portage.shipment.domain.tms;

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
 * A shipment's load at the TMS ({@code tms_load}): tendered (retried while the TMS is away), then planned by revision
 * (a revision not newer than the one applied changes nothing), and the outbound dock appointment the plan asks of
 * yard-service, booked at the plan's pickup window and moved when a newer plan moves it.
 */
@Entity
@Table(name = "tms_load")
public class TmsLoad {

    /** Where the load stands at the TMS. */
    public enum Status {
        TO_TENDER, TENDERED, PLANNED
    }

    /** Where its dock appointment stands at yard-service. */
    public enum Appointment {
        NONE, TO_BOOK, BOOKED, REFUSED
    }

    @Id
    @Column(name = "shipment_id")
    private UUID shipmentId;
    private String site;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "load_id")
    private String loadId;
    @Column(name = "tender_attempts")
    private int tenderAttempts;
    @Column(name = "tender_due_at")
    private Instant tenderDueAt;
    @Column(name = "tender_error")
    private String tenderError;
    private long revision;
    private String carrier;
    @Column(name = "pickup_start")
    private Instant pickupStart;
    @Column(name = "pickup_end")
    private Instant pickupEnd;
    @Column(name = "planned_at")
    private Instant plannedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "appointment_status")
    private Appointment appointmentStatus;
    @Column(name = "appointment_id")
    private UUID appointmentId;
    @Column(name = "appointment_start")
    private Instant appointmentStart;
    @Column(name = "appointment_end")
    private Instant appointmentEnd;
    @Column(name = "appointment_attempts")
    private int appointmentAttempts;
    @Column(name = "appointment_due_at")
    private Instant appointmentDueAt;
    @Column(name = "appointment_error")
    private String appointmentError;
    @Version
    private long version;

    protected TmsLoad() {
    }

    /** A planned shipment's load, to be tendered now. */
    public static TmsLoad toTender(UUID shipmentId, String site, Instant now) {
        TmsLoad load = new TmsLoad();
        load.shipmentId = shipmentId;
        load.site = site;
        load.status = Status.TO_TENDER;
        load.tenderDueAt = now;
        load.appointmentStatus = Appointment.NONE;
        return load;
    }

    /** The TMS took the tender under its load id. */
    public void tendered(String tmsLoadId) {
        if (status == Status.TO_TENDER) {
            status = Status.TENDERED;
        }
        loadId = tmsLoadId;
        tenderError = null;
    }

    /** The TMS did not take it: tried again at {@code retryAt}; the shipment is not touched. */
    public void tenderFailed(String error, Instant retryAt) {
        tenderAttempts++;
        tenderError = error;
        tenderDueAt = retryAt;
    }

    /**
     * Applies a plan newer than the one applied (a duplicate or late revision changes nothing: false); a new or moved
     * pickup window asks for the dock appointment to be booked or moved.
     */
    public boolean plan(LoadPlan plan, Instant now) {
        if (plan.revision() <= revision) {
            return false;
        }
        boolean moved = !plan.pickupStart().equals(pickupStart) || !plan.pickupEnd().equals(pickupEnd)
                || !plan.carrier().equals(carrier);
        revision = plan.revision();
        loadId = plan.loadId();
        carrier = plan.carrier();
        pickupStart = plan.pickupStart();
        pickupEnd = plan.pickupEnd();
        plannedAt = now;
        status = Status.PLANNED;
        tenderError = null;
        if (moved || appointmentStatus == Appointment.NONE) {
            appointmentStatus = Appointment.TO_BOOK;
            appointmentAttempts = 0;
            appointmentDueAt = now;
            appointmentError = null;
        }
        return true;
    }

    /** yard-service booked (or moved) the appointment to the plan's window. */
    public void appointmentBooked(UUID id, Instant slotStart, Instant slotEnd) {
        appointmentId = id;
        appointmentStart = slotStart;
        appointmentEnd = slotEnd;
        if (slotStart.equals(pickupStart) && slotEnd.equals(pickupEnd)) {
            appointmentStatus = Appointment.BOOKED;
            appointmentError = null;
        }
    }

    /** yard-service could not be asked: asked again at {@code retryAt}. */
    public void appointmentFailed(String error, Instant retryAt) {
        appointmentAttempts++;
        appointmentError = error;
        appointmentDueAt = retryAt;
    }

    /** yard-service refused the booking by its rules: a person decides (the next plan asks again). */
    public void appointmentRefused(String error) {
        appointmentStatus = Appointment.REFUSED;
        appointmentError = error;
    }

    public UUID shipmentId() {
        return shipmentId;
    }

    public String site() {
        return site;
    }

    public Status status() {
        return status;
    }

    public String loadId() {
        return loadId;
    }

    public int tenderAttempts() {
        return tenderAttempts;
    }

    public String tenderError() {
        return tenderError;
    }

    public long revision() {
        return revision;
    }

    public String carrier() {
        return carrier;
    }

    public Instant pickupStart() {
        return pickupStart;
    }

    public Instant pickupEnd() {
        return pickupEnd;
    }

    public Instant plannedAt() {
        return plannedAt;
    }

    public Appointment appointmentStatus() {
        return appointmentStatus;
    }

    public UUID appointmentId() {
        return appointmentId;
    }

    public Instant appointmentStart() {
        return appointmentStart;
    }

    public Instant appointmentEnd() {
        return appointmentEnd;
    }

    public int appointmentAttempts() {
        return appointmentAttempts;
    }

    public String appointmentError() {
        return appointmentError;
    }
}
