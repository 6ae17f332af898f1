package io.portage.finance.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.Refund;
import io.portage.finance.domain.ShipmentFact;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Refunds in the {@code finance} schema. */
@ApplicationScoped
public class RefundRepository implements PanacheRepositoryBase<Refund, UUID> {

    public Uni<Refund> byReturn(String returnId) {
        return find("returnId", returnId).firstResult();
    }

    public Uni<List<Refund>> creditedOf(Collection<String> orderIds) {
        return list("orderId in ?1 and status = ?2", orderIds, Refund.Status.CREDITED);
    }

    /**
     * Returns waiting for their order's invoice that may be settled now: their order has posted invoices, or they were
     * received before {@code deadline}; oldest first.
     */
    public Uni<List<Refund>> settleable(Instant deadline, int limit) {
        return find("status = ?1 and (receivedAt < ?2 or exists (select 1 from ShipmentFact f, OrderInvoice o"
                + " where f.shipmentId = shipmentId and f.kind = ?3 and o.orderId = f.orderId and o.invoiceIds is not null))"
                + " order by receivedAt, id", Refund.Status.WAITING_FOR_INVOICE, deadline, ShipmentFact.Kind.CREATED)
                .page(0, limit)
                .list();
    }

    public Uni<List<Refund>> withStatus(Refund.Status status, int limit) {
        return (status == null ? find("order by receivedAt desc, id") : find("status = ?1 order by receivedAt, id", status))
                .page(0, limit)
                .list();
    }
}
