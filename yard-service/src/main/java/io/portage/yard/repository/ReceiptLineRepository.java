package io.portage.yard.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.yard.domain.ReceiptLine;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Confirmed receipt lines in the {@code yard} schema. */
@ApplicationScoped
public class ReceiptLineRepository implements PanacheRepositoryBase<ReceiptLine, String> {

    public Uni<List<ReceiptLine>> ofReceipt(String receiptId) {
        return list("receiptId = ?1 order by lineNumber", receiptId);
    }

    /** A site's lines validated in Odoo within [{@code from}, {@code to}). */
    public Uni<List<ReceiptLine>> appliedBetween(String site, Instant from, Instant to) {
        return list("site = ?1 and appliedAt >= ?2 and appliedAt < ?3", site, from, to);
    }

    public Uni<List<ReceiptLine>> withStatus(String site, ReceiptLine.Status status) {
        return list("site = ?1 and status = ?2 order by confirmedAt, receiptId, lineNumber", site, status);
    }
}
