package io.portage.finance.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.OrderInvoice;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Orders' customer invoices in the {@code finance} schema. */
@ApplicationScoped
public class OrderInvoiceRepository implements PanacheRepositoryBase<OrderInvoice, String> {

    public Uni<List<OrderInvoice>> ready(int limit) {
        return find("status = ?1 order by orderId", OrderInvoice.Status.READY).page(0, limit).list();
    }
}
