package io.portage.edi.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.edi.domain.SentOrder;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Orders sent in 940s ({@code edi_order}), by partner and depositor order number. */
@ApplicationScoped
public class SentOrderRepository implements PanacheRepositoryBase<SentOrder, String> {

    public Uni<SentOrder> find(String partnerId, String depositorOrderNumber) {
        return findById(SentOrder.reference(partnerId, depositorOrderNumber));
    }
}
