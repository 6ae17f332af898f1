package io.portage.kit.ops;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One action taken through the operations API, in the service's {@code ops_audit} table; never updated. */
@Entity
@Table(name = "ops_audit")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant at;
    private String actor;
    private String action;
    private String target;
    private String outcome;
    private String detail;
    @Column(name = "correlation_id")
    private String correlationId;

    protected AuditRecord() {
    }

    AuditRecord(Instant at, String actor, String action, String target, String outcome, String detail,
            String correlationId) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.outcome = outcome;
        this.detail = detail;
        this.correlationId = correlationId;
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }

    public String correlationId() {
        return correlationId;
    }
}
