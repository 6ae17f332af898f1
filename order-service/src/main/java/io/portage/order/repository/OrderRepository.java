package io.portage.order.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.order.domain.Order;
import io.portage.order.domain.OrderStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Orders in the {@code orders} schema, the queue of accepted orders waiting for Odoo, and the shipments planned for
 * orders.
 */
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

    private static final String LINK_SHIPMENTS = """
            insert into {h-schema}order_shipment (shipment_id, order_id, linked_at)
            select link.shipment_id, link.order_id, :at
            from unnest(cast(:shipments as uuid[]), cast(:orders as uuid[])) as link(shipment_id, order_id)
            on conflict do nothing""";

    private static final String BOUND_INSTANCE = "select fingerprint from {h-schema}odoo_instance where id = 1";

    private static final String SHIPMENT_ORDERS = """
            select cast(shipment_id as varchar) || ' ' || cast(order_id as varchar) from {h-schema}order_shipment
            where shipment_id = any(cast(:shipments as uuid[]))""";

    public Uni<List<Order>> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /**
     * Orders by their sale order's id in the bound Odoo instance (set at release; orders released before instances were
     * recorded match any).
     */
    public Uni<List<Order>> findByOdooOrderIds(Collection<Long> odooIds) {
        return odooIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : boundInstance().chain(instance -> list(
                        "odoo.orderId in ?1 and (odoo.instance is null or odoo.instance = ?2)", odooIds, instance));
    }

    /** Orders by their sale order's name in the bound Odoo instance (S00042; set at release). */
    public Uni<List<Order>> findByOdooNames(Collection<String> names) {
        return names.isEmpty()
                ? Uni.createFrom().item(List.of())
                : boundInstance().chain(instance -> list(
                        "odoo.name in ?1 and (odoo.instance is null or odoo.instance = ?2)", names, instance));
    }

    /** The fingerprint of the Odoo instance odoo-sync has bound (its table, in this schema), or "" before the first. */
    private Uni<String> boundInstance() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(BOUND_INSTANCE, String.class).getResultList())
                .map(rows -> rows.isEmpty() || rows.get(0) == null ? "" : rows.get(0));
    }

    /** Records which order each shipment was planned for (shipment id to order id); a known shipment keeps its order. */
    public Uni<Void> linkShipments(Map<UUID, UUID> orderOfShipment, Instant at) {
        if (orderOfShipment.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] shipments = orderOfShipment.keySet().toArray(UUID[]::new);
        UUID[] orders = orderOfShipment.values().toArray(UUID[]::new);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LINK_SHIPMENTS)
                        .setParameter("shipments", shipments)
                        .setParameter("orders", orders)
                        .setParameter("at", at)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The orders of the shipments known here, by shipment id. */
    public Uni<Map<UUID, UUID>> ordersOfShipments(Collection<UUID> shipmentIds) {
        if (shipmentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        UUID[] ids = shipmentIds.toArray(UUID[]::new);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(SHIPMENT_ORDERS, String.class)
                        .setParameter("shipments", ids)
                        .getResultList())
                .map(rows -> {
                    Map<UUID, UUID> links = new HashMap<>();
                    rows.forEach(row -> {
                        String[] pair = row.split(" ");
                        links.put(UUID.fromString(pair[0]), UUID.fromString(pair[1]));
                    });
                    return links;
                });
    }

    public Uni<Order> findByChannelAndExternalId(String channel, String externalId) {
        return find("intake.channel = ?1 and intake.externalId = ?2", channel, externalId).firstResult();
    }

    /** A partner's orders, newest first. */
    public Uni<List<Order>> findByPartner(String partnerId, OrderStatus status, int limit) {
        return status == null
                ? find("intake.partnerId = ?1 order by intake.receivedAt desc, id", partnerId).page(0, limit).list()
                : find("intake.partnerId = ?1 and status = ?2 order by intake.receivedAt desc, id", partnerId, status)
                        .page(0, limit)
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
