package io.portage.finance.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.Refund;
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

    public Uni<List<Refund>> withStatus(Refund.Status status, int limit) {
        return (status == null ? find("order by receivedAt desc, id") : find("status = ?1 order by receivedAt, id", status))
                .page(0, limit)
                .list();
    }
}
