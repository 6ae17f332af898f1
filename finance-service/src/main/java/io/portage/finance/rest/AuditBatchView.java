package io.portage.finance.rest;

import java.time.Instant;
import java.util.UUID;

import io.portage.finance.domain.AuditBatch;

/** A carrier invoice batch's progress as the API shows it. */
public record AuditBatchView(UUID id, String source, String status, int totalLines, int auditedLines, String receivedBy,
        String correlationId, Instant receivedAt, Instant finishedAt) {

    static AuditBatchView of(AuditBatch batch) {
        return new AuditBatchView(batch.id(), batch.source(), batch.status().name(), batch.totalLines(),
                batch.auditedLines(), batch.receivedBy(), batch.correlationId(), batch.receivedAt(), batch.finishedAt());
    }
}
