package io.portage.edi.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.edi.domain.PackedParcel;
import io.portage.edi.domain.ShipmentNotice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The shipments of customers who want 856s ({@code edi_ship_notice}) and their orders' parcels ({@code edi_pack}). */
@ApplicationScoped
public class ShipmentNoticeRepository implements PanacheRepositoryBase<ShipmentNotice, String> {

    /** The order's shipments dispatched before its release was received. */
    public Uni<List<ShipmentNotice>> waitingFor(String orderId) {
        return list("orderId = ?1 and status = ?2", orderId, ShipmentNotice.Status.WAITING);
    }

    /** The parcels packed for the order, in SSCC order. */
    public Uni<List<PackedParcel>> packs(String orderId) {
        return Panache.getSession()
                .chain(session -> session
                        .createSelectionQuery("from PackedParcel where orderId = :order order by sscc", PackedParcel.class)
                        .setParameter("order", orderId)
                        .getResultList());
    }

    /** Keeps a parcel unless it is known. */
    public Uni<Void> pack(PackedParcel parcel) {
        return Panache.getSession()
                .chain(session -> session.find(PackedParcel.class, parcel.reference())
                        .chain(known -> known != null ? Uni.createFrom().voidItem() : session.persist(parcel)));
    }
}
