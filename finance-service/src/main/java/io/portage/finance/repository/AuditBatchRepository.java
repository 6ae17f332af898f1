package io.portage.finance.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.AuditBatch;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Carrier invoice batches in the {@code finance} schema. */
@ApplicationScoped
public class AuditBatchRepository implements PanacheRepositoryBase<AuditBatch, UUID> {

    public Uni<AuditBatch> byContentHash(String hash) {
        return find("contentHash", hash).firstResult();
    }

    /** Batches not done, oldest first: what the auditor resumes after a restart. */
    public Uni<List<UUID>> unfinished() {
        return find("status <> ?1 order by receivedAt", AuditBatch.Status.DONE).project(IdOnly.class)
                .list()
                .map(rows -> rows.stream().map(IdOnly::id).toList());
    }

    /** A batch's id alone. */
    public record IdOnly(UUID id) {
    }
}
