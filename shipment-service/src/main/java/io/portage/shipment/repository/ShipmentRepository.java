package io.portage.shipment.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.shipment.domain.Shipment;
import io.portage.shipment.domain.ShipmentLine;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Shipments in the {@code shipments} schema. */
@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<Shipment, UUID> {

    /**
     * Inserts the planned shipments in one statement; an order that has a shipment already keeps it (the unique
     * order_id). Answers the ids of the shipments inserted. The rows bypass the session: nothing else in the
     * transaction reads them back as entities.
     */
    public Uni<Set<UUID>> insertNew(Collection<Shipment> planned) {
        int n = planned.size();
        String[][] columns = new String[INSERT_COLUMNS.length][n];
        int i = 0;
        for (Shipment shipment : planned) {
            Shipment.ShipTo shipTo = shipment.shipTo();
            String[] row = {shipment.id().toString(), shipment.orderId().toString(), shipment.partnerId(),
                    shipment.warehouse(), shipment.status().name(), shipTo.name(), shipTo.street(), shipTo.city(),
                    shipTo.postalCode(), shipTo.country(), Integer.toString(shipment.lineCount()),
                    shipment.totalQuantity().toPlainString(), shipment.fulfiller().type(), shipment.fulfiller().id(),
                    shipment.serviceLevel(), shipment.shipBy() == null ? null : shipment.shipBy().toString(),
                    shipment.sourceEventId(), shipment.correlationId(), shipment.plannedAt().toString(),
                    ShipmentLine.write(shipment.contents().lines()), shipment.odoo().clientOrderRef(),
                    shipment.odoo().orderId() == null ? null : shipment.odoo().orderId().toString(),
                    shipment.odoo().orderName()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
            i++;
        }
        return getSession().chain(session -> {
            var insert = session.createNativeQuery(INSERT_NEW, String.class);
            for (int c = 0; c < INSERT_COLUMNS.length; c++) {
                insert.setParameter(INSERT_COLUMNS[c], columns[c]);
            }
            return insert.getResultList();
        }).map(ids -> ids.stream().map(UUID::fromString).collect(Collectors.toSet()));
    }

    /**
     * These shipments, read only and detached: Hibernate neither checks nor writes them at a flush, nor walks them
     * before each query of the transaction.
     */
    public Uni<List<Shipment>> readOnly(Collection<UUID> ids) {
        return getSession().chain(session -> session.createSelectionQuery("from Shipment where id in :ids", Shipment.class)
                .setParameter("ids", ids)
                .setReadOnly(true)
                .getResultList()
                .invoke(found -> found.forEach(session::detach)));
    }

    /**
     * Moves the event sequence of shipments read by {@link #readOnly} to the last sequence their new events took, in
     * one statement, each only if no one changed the shipment since it was read (its version): otherwise the
     * transaction fails with an {@code OptimisticLockException} and is retried, as at Hibernate's flush.
     */
    public Uni<Void> advanceSequences(Map<Shipment, Long> lastSequences) {
        if (lastSequences.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = lastSequences.size();
        String[][] c = new String[3][n];
        int i = 0;
        for (Map.Entry<Shipment, Long> entry : lastSequences.entrySet()) {
            c[0][i] = entry.getKey().id().toString();
            c[1][i] = entry.getValue().toString();
            c[2][i] = Long.toString(entry.getKey().version());
            i++;
        }
        return getSession().chain(session -> session.createNativeQuery(ADVANCE_SEQUENCES)
                .setParameter("ids", c[0])
                .setParameter("sequences", c[1])
                .setParameter("versions", c[2])
                .executeUpdate())
                .invoke(updated -> VersionedUpdate.requireAll(updated, n, "shipments", "their events were staged"))
                .replaceWithVoid();
    }

    private static final String ADVANCE_SEQUENCES = """
            update {h-schema}shipment s set event_sequence = cast(u.sequence as bigint), version = s.version + 1
            from unnest(cast(:ids as varchar[]), cast(:sequences as varchar[]), cast(:versions as varchar[]))
                as u(id, sequence, version)
            where s.id = cast(u.id as uuid) and s.version = cast(u.version as bigint)""";

    private static final String[] INSERT_COLUMNS = {"ids", "orderIds", "partnerIds", "warehouses", "statuses", "names",
            "streets", "cities", "postalCodes", "countries", "lineCounts", "totals", "fulfillerTypes", "fulfillerIds",
            "serviceLevels", "shipBys", "sourceEventIds", "correlationIds", "plannedAt", "lines", "clientOrderRefs",
            "odooOrderIds", "odooOrderNames"};
    private static final String INSERT_NEW = """
            insert into {h-schema}shipment (id, order_id, partner_id, warehouse, status, ship_to_name, ship_to_street,
                ship_to_city, ship_to_postal_code, ship_to_country, line_count, total_quantity, fulfiller_type,
                fulfiller_id, service_level, ship_by, event_sequence, source_event_id, correlation_id, planned_at,
                lines, client_order_ref, odoo_order_id, odoo_order_name, split_seq, version)
            select cast(id as uuid), cast(order_id as uuid), partner_id, warehouse, status, name, street, city,
                postal_code, country, cast(line_count as integer), cast(total as numeric), fulfiller_type,
                fulfiller_id, service_level, cast(ship_by as timestamptz), 1, source_event_id, correlation_id,
                cast(planned_at as timestamptz), lines, client_order_ref, cast(odoo_order_id as bigint),
                odoo_order_name, 0, 0
            from unnest(cast(:ids as varchar[]), cast(:orderIds as varchar[]), cast(:partnerIds as varchar[]),
                cast(:warehouses as varchar[]), cast(:statuses as varchar[]), cast(:names as varchar[]),
                cast(:streets as varchar[]), cast(:cities as varchar[]), cast(:postalCodes as varchar[]),
                cast(:countries as varchar[]), cast(:lineCounts as varchar[]), cast(:totals as varchar[]),
                cast(:fulfillerTypes as varchar[]), cast(:fulfillerIds as varchar[]), cast(:serviceLevels as varchar[]),
                cast(:shipBys as varchar[]), cast(:sourceEventIds as varchar[]), cast(:correlationIds as varchar[]),
                cast(:plannedAt as varchar[]), cast(:lines as varchar[]), cast(:clientOrderRefs as varchar[]),
                cast(:odooOrderIds as varchar[]), cast(:odooOrderNames as varchar[]))
                as planned(id, order_id, partner_id, warehouse, status, name, street, city, postal_code, country,
                    line_count, total, fulfiller_type, fulfiller_id, service_level, ship_by, source_event_id,
                    correlation_id, planned_at, lines, client_order_ref, odoo_order_id, odoo_order_name)
            on conflict (order_id, split_seq) do nothing
            returning cast(id as varchar)""";

    /**
     * Keeps where the shipment lives in Odoo (its sale order, its delivery picking) in a statement of its own, so it
     * neither waits for nor overwrites a change to the rest of the shipment (the entity updates only what it changed).
     */
    public Uni<Integer> recordOdoo(UUID shipmentId, long orderId, String orderName, long pickingId, String pickingName) {
        return getSession().chain(session -> session.createNativeQuery("""
                update {h-schema}shipment set odoo_order_id = :orderId, odoo_order_name = :orderName,
                    odoo_picking_id = :pickingId, odoo_picking_name = :pickingName
                where id = :id""")
                .setParameter("orderId", orderId)
                .setParameter("orderName", orderName)
                .setParameter("pickingId", pickingId)
                .setParameter("pickingName", pickingName)
                .setParameter("id", shipmentId)
                .executeUpdate());
    }

    /** The shipments of one carrier from one origin dispatched in {@code [from, to)}, by dispatch time. */
    public Uni<List<Shipment>> dispatchedBy(String carrier, String origin, java.time.Instant from, java.time.Instant to) {
        return find("carrier = ?1 and warehouse = ?2 and dispatchedAt >= ?3 and dispatchedAt < ?4 order by dispatchedAt",
                carrier, origin, from, to).list();
    }

    public Uni<List<Shipment>> findByOrderIds(Collection<UUID> orderIds) {
        return find("orderId in ?1", orderIds).list();
    }

    /** An order's shipments, the first one first (then the ones of what it left behind). */
    public Uni<List<Shipment>> findByOrderId(UUID orderId) {
        return find("orderId = ?1 order by splitSeq", orderId).list();
    }

    /** The shipment of an order's split {@code splitSeq}, or null. */
    public Uni<Shipment> findSplit(UUID orderId, int splitSeq) {
        return find("orderId = ?1 and splitSeq = ?2", orderId, splitSeq).firstResult();
    }

    /**
     * Shipments found by what customer service is told, each exact: the channel's order number (the external id at the
     * end of the sale order's {@code client_order_ref}), an Odoo reference (sale order or delivery picking name), a
     * tracking number (the master or a parcel's); null criteria match all; of {@code partnerId} only unless null.
     */
    public Uni<List<Shipment>> search(String partnerId, String orderNumber, String odooRef, String trackingNumber,
            int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (partnerId != null) {
            where.append(" and partnerId = :partner");
            params.put("partner", partnerId);
        }
        if (orderNumber != null) {
            where.append(" and odoo.clientOrderRef like :orderNumber escape '!'");
            params.put("orderNumber", "%:" + escape(orderNumber));
        }
        if (odooRef != null) {
            where.append(" and (odoo.orderName = :odooRef or odoo.pickingName = :odooRef)");
            params.put("odooRef", odooRef);
        }
        if (trackingNumber != null) {
            where.append(" and (trackingNumber = :tracking or parcels like :parcelLast escape '!'"
                    + " or parcels like :parcelInner escape '!')");
            params.put("tracking", trackingNumber);
            params.put("parcelLast", "%," + escape(trackingNumber));
            params.put("parcelInner", "%," + escape(trackingNumber) + ";%");
        }
        return find(where + " order by plannedAt desc", params).page(0, limit).list();
    }

    private static String escape(String likeText) {
        return likeText.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    public Uni<List<Shipment>> latest(int limit) {
        return find("order by plannedAt desc").page(0, limit).list();
    }

    public Uni<List<Shipment>> latestOf(String partnerId, int limit) {
        return find("partnerId = ?1 order by plannedAt desc", partnerId).page(0, limit).list();
    }
}
