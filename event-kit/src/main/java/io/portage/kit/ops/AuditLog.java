package io.portage.kit.ops;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The audit trail of the operations API: who did what to which record, when, with what outcome. Append-only. */
@ApplicationScoped
public class AuditLog implements PanacheRepositoryBase<AuditRecord, Long> {

    private final Clock clock = Clock.systemUTC();

    /** Appends a record, in the caller's transaction. */
    public Uni<AuditRecord> record(String actor, String action, String target, String outcome, String detail,
            String correlationId) {
        return persist(new AuditRecord(clock.instant(), actor, action, target, outcome, detail, correlationId));
    }

    /** The newest records first, for one target or (target null) for all. */
    public Uni<List<AuditRecord>> latest(String target, int limit) {
        return Panache.withSession(() -> (target == null
                ? find("order by at desc, id desc")
                : find("target = ?1 order by at desc, id desc", target)).page(0, limit).list());
    }
}
