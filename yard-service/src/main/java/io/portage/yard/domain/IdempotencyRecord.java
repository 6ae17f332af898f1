package io.portage.yard.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A call made with an Idempotency-Key: the caller and key, the request's fingerprint and the appointment it answered. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    @Id
    private String id;
    private String fingerprint;
    @Column(name = "appointment_id")
    private UUID appointmentId;
    private boolean created;
    @Column(name = "created_at")
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    public IdempotencyRecord(String caller, String key, String fingerprint, UUID appointmentId, boolean created,
            Instant at) {
        this.id = id(caller, key);
        this.fingerprint = fingerprint;
        this.appointmentId = appointmentId;
        this.created = created;
        this.createdAt = at;
    }

    /** Callers are partner ids or operator names, which hold no line feed: the key follows the first one. */
    public static String id(String caller, String key) {
        return caller + "\n" + key;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public UUID appointmentId() {
        return appointmentId;
    }

    public boolean created() {
        return created;
    }
}
