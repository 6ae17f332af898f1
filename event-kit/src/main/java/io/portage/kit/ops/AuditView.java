package io.portage.kit.ops;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One audit record as the operations API shows it. */
@RegisterForReflection
public record AuditView(long id, Instant at, String actor, String action, String target, String outcome, String detail,
        String correlationId) {

    static AuditView of(AuditRecord record) {
        return new AuditView(record.id(), record.at(), record.actor(), record.action(), record.target(), record.outcome(),
                record.detail(), record.correlationId());
    }
}
