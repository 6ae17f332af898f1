package io.portage.finance.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.CarrierInvoiceLine;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Carrier invoice lines in the {@code finance} schema. */
@ApplicationScoped
public class CarrierInvoiceLineRepository implements PanacheRepositoryBase<CarrierInvoiceLine, UUID> {

    /** The next {@code limit} lines of a batch still to audit, in the order received. */
    public Uni<List<CarrierInvoiceLine>> pending(UUID batchId, int limit) {
        return find("batchId = ?1 and status = ?2 order by position", batchId, CarrierInvoiceLine.Status.PENDING)
                .page(0, limit)
                .list();
    }

    /** Which of these tracking numbers the carrier billed on a line already audited. */
    public Uni<List<String>> alreadyBilled(String carrier, Collection<String> trackingNumbers) {
        return find("carrier = ?1 and trackingNumber in ?2 and status <> ?3", carrier, trackingNumbers,
                CarrierInvoiceLine.Status.PENDING).project(TrackingOnly.class)
                .list()
                .map(rows -> rows.stream().map(TrackingOnly::trackingNumber).toList());
    }

    public Uni<List<CarrierInvoiceLine>> ofInvoice(UUID invoiceId) {
        return list("invoiceId = ?1 order by lineNumber", invoiceId);
    }

    public Uni<List<CarrierInvoiceLine>> ofBatch(UUID batchId) {
        return list("batchId = ?1 order by position", batchId);
    }

    /** A line's tracking number alone. */
    public record TrackingOnly(String trackingNumber) {
    }
}
