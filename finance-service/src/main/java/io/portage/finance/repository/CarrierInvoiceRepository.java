package io.portage.finance.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.CarrierInvoice;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Carrier invoices in the {@code finance} schema. */
@ApplicationScoped
public class CarrierInvoiceRepository implements PanacheRepositoryBase<CarrierInvoice, UUID> {

    /** The invoices first received under these numbers (of any carrier), detached. */
    public Uni<List<CarrierInvoice>> originals(Collection<String> invoiceNumbers) {
        return Detached.list(CarrierInvoice.class, "from CarrierInvoice where invoiceNumber in :numbers"
                + " and duplicateOf is null", Map.of("numbers", invoiceNumbers), 0);
    }

    public Uni<List<CarrierInvoice>> ofBatch(UUID batchId) {
        return list("batchId = ?1 order by position", batchId);
    }

    /** A batch's invoices in the order received, detached (to read: a change to them is not written). */
    public Uni<List<CarrierInvoice>> ofBatchReadOnly(UUID batchId) {
        return Detached.list(CarrierInvoice.class, "from CarrierInvoice where batchId = :batch order by position",
                Map.of("batch", batchId), 0);
    }
}
