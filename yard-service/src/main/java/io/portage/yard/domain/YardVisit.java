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

/** A visit as stored: the {@link Visit} as a JSON document (read and written by the repository) and what is queried. */
@Entity
@Table(name = "yard_visit")
public class YardVisit {

    @Id
    private String id;
    private String site;
    @Column(name = "visit_id")
    private String visitId;
    private String state;
    @Enumerated(EnumType.STRING)
    private VisitStatus status;
    @Column(name = "appointment_id")
    private UUID appointmentId;
    private String door;
    @Column(name = "arrived_at")
    private Instant arrivedAt;
    @Column(name = "departed_at")
    private Instant departedAt;
    @Column(name = "detention_settled_at")
    private Instant detentionSettledAt;
    @Version
    private long version;

    protected YardVisit() {
    }

    public YardVisit(String site, String visitId) {
        this.id = id(site, visitId);
        this.site = site;
        this.visitId = visitId;
    }

    public static String id(String site, String visitId) {
        return site + "/" + visitId;
    }

    /** Stores {@code visit} (as {@code stateJson}) and what is queried of it. */
    public void store(Visit visit, String stateJson) {
        this.state = stateJson;
        this.status = visit.status();
        this.door = visit.door() == null ? null : visit.door().value();
        this.arrivedAt = visit.arrivedAt();
        this.departedAt = visit.departedAt();
    }

    public void linkAppointment(UUID appointment) {
        this.appointmentId = appointment;
    }

    /** Whether its detention was worked out already (charged, or nothing to charge). */
    public boolean detentionSettled() {
        return detentionSettledAt != null;
    }

    public void settleDetention(Instant at) {
        detentionSettledAt = at;
    }

    public String site() {
        return site;
    }

    public String visitId() {
        return visitId;
    }

    public String state() {
        return state;
    }

    public UUID appointmentId() {
        return appointmentId;
    }
}
