package io.portage.finance.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.OrderInvoice;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Orders' customer invoices in the {@code finance} schema. */
@ApplicationScoped
public class OrderInvoiceRepository implements PanacheRepositoryBase<OrderInvoice, String> {

    /** Orders invoiced in [from, to), oldest first. */
    public Uni<List<OrderInvoice>> invoicedBetween(Instant from, Instant to, int limit) {
        return find("status = ?1 and invoicedAt >= ?2 and invoicedAt < ?3 order by invoicedAt, orderId",
                OrderInvoice.Status.INVOICED, from, to).page(0, limit).list();
    }
}
