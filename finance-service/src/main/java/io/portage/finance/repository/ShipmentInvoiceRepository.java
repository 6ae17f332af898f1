package io.portage.finance.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.finance.domain.ShipmentInvoice;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Shipments' customer invoices in the {@code finance} schema. */
@ApplicationScoped
public class ShipmentInvoiceRepository implements PanacheRepositoryBase<ShipmentInvoice, ShipmentInvoice.Key> {

    /** An order's shipment invoices, in the order they were readied. */
    public Uni<List<ShipmentInvoice>> ofOrder(String orderId) {
        return list("orderId = ?1 order by readiedAt, shipmentId", orderId);
    }

    /** Ready to be made, oldest first. */
    public Uni<List<ShipmentInvoice>> ready(int limit) {
        return find("status = ?1 order by readiedAt, orderId, shipmentId", ShipmentInvoice.Status.READY).page(0, limit)
                .list();
    }
}
