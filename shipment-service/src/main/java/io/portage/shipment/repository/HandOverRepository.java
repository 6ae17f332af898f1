package io.portage.shipment.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.shipment.domain.OdooHandOver;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The Odoo hand-over queue ({@code odoo_hand_over}): claims of due items, an item per shipment, kind and return. */
@ApplicationScoped
public class HandOverRepository implements PanacheRepositoryBase<OdooHandOver, UUID> {

    private static final String CLAIM = """
            update {h-schema}odoo_hand_over set claimed_until = :until
            where id in (select id from {h-schema}odoo_hand_over
                         where status = 'PENDING' and due_at <= :now and (claimed_until is null or claimed_until <= :now)
                         order by created_at limit :limit for update skip locked)
            returning cast(id as varchar)""";

    /**
     * Claims up to {@code limit} due items until {@code until} (oldest first); a claim that runs out - the worker died
     * between Odoo's answer and its commit - makes the item due again. Answers their ids, oldest first.
     */
    public Uni<List<UUID>> claimDue(Instant now, Instant until, int limit) {
        return getSession().chain(session -> session.createNativeQuery(CLAIM, String.class)
                .setParameter("until", until)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList())
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(List.<UUID>of())
                        : find("id in ?1 order by createdAt", ids.stream().map(UUID::fromString).toList()).list()
                                .map(items -> items.stream().map(OdooHandOver::id).toList()));
    }

    /** A shipment's item of {@code kind} (not of a return), or null. */
    public Uni<OdooHandOver> of(UUID shipmentId, OdooHandOver.Kind kind) {
        return find("shipmentId = ?1 and kind = ?2 and returnId is null", shipmentId, kind).firstResult();
    }

    /** A shipment's items, oldest first. */
    public Uni<List<OdooHandOver>> ofShipment(UUID shipmentId) {
        return find("shipmentId = ?1 order by createdAt", shipmentId).list();
    }
}
