package io.portage.order.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.order.domain.Order;
import io.portage.order.domain.OrderStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Orders in the {@code orders} schema, and the queue of accepted orders waiting for Odoo. */
@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    private static final String DUE = """
            select id from {h-schema}customer_order
            where status = 'ACCEPTED' and sync_due_at <= :now
              and (sync_claimed_until is null or sync_claimed_until < :now)
            order by sync_due_at
            limit :limit
            for update skip locked""";

    private static final String CLAIM = """
            update {h-schema}customer_order
            set sync_claimed_until = :until, sync_attempts = sync_attempts + 1, version = version + 1
            where id in (:ids)""";

    public Uni<Order> findByChannelAndExternalId(String channel, String externalId) {
        return find("channel = ?1 and externalId = ?2", channel, externalId).firstResult();
    }

    /** A partner's orders, newest first. */
    public Uni<List<Order>> findByPartner(String partnerId, OrderStatus status, int limit) {
        return status == null
                ? find("partnerId = ?1 order by receivedAt desc, id", partnerId).page(0, limit).list()
                : find("partnerId = ?1 and status = ?2 order by receivedAt desc, id", partnerId, status).page(0, limit)
                        .list();
    }

    /**
     * Claims up to {@code limit} accepted orders that are due, until {@code until}, in the caller's transaction; rows
     * another worker holds are skipped, so replicas share the queue.
     */
    public Uni<List<UUID>> claimDue(Instant now, Instant until, int limit) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(DUE, UUID.class)
                        .setParameter("now", now)
                        .setParameter("limit", limit)
                        .getResultList()
                        .chain(ids -> ids.isEmpty()
                                ? Uni.createFrom().item(ids)
                                : session.createNativeQuery(CLAIM)
                                        .setParameter("until", until)
                                        .setParameter("ids", ids)
                                        .executeUpdate()
                                        .replaceWith(ids)));
    }
}
