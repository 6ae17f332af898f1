package io.portage.shipment.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.portage.shipment.domain.Shipment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Shipments in the {@code shipments} schema. */
@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<Shipment, UUID> {

    /**
     * Inserts the planned shipments in one statement; an order that has a shipment already keeps it (the unique
     * order_id). Answers how many were inserted. The rows bypass the session: nothing else in the transaction reads
     * them back as entities.
     */
    public Uni<Integer> insertNew(Collection<Shipment> planned) {
        int n = planned.size();
        String[][] columns = new String[12][n];
        int i = 0;
        for (Shipment shipment : planned) {
            Shipment.ShipTo shipTo = shipment.shipTo();
            String[] row = {shipment.id().toString(), shipment.orderId().toString(), shipment.partnerId(),
                    shipment.warehouse(), shipment.status().name(), shipTo.name(), shipTo.city(), shipTo.postalCode(),
                    shipTo.country(), Integer.toString(shipment.lineCount()), shipment.totalQuantity().toPlainString(),
                    shipment.sourceEventId()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
            i++;
        }
        String[] correlationIds = planned.stream().map(Shipment::correlationId).toArray(String[]::new);
        String[] plannedAt = planned.stream().map(shipment -> shipment.plannedAt().toString()).toArray(String[]::new);
        return getSession().chain(session -> {
            var insert = session.createNativeQuery(INSERT_NEW);
            for (int c = 0; c < INSERT_COLUMNS.length; c++) {
                insert.setParameter(INSERT_COLUMNS[c], columns[c]);
            }
            return insert.setParameter("correlationIds", correlationIds).setParameter("plannedAt", plannedAt).executeUpdate();
        });
    }

    private static final String[] INSERT_COLUMNS = {"ids", "orderIds", "partnerIds", "warehouses", "statuses", "names",
            "cities", "postalCodes", "countries", "lineCounts", "totals", "sourceEventIds"};
    private static final String INSERT_NEW = """
            insert into {h-schema}shipment (id, order_id, partner_id, warehouse, status, ship_to_name, ship_to_city,
                ship_to_postal_code, ship_to_country, line_count, total_quantity, source_event_id, correlation_id,
                planned_at, version)
            select cast(id as uuid), cast(order_id as uuid), partner_id, warehouse, status, name, city, postal_code,
                country, cast(line_count as integer), cast(total as numeric), source_event_id, correlation_id,
                cast(planned_at as timestamptz), 0
            from unnest(cast(:ids as varchar[]), cast(:orderIds as varchar[]), cast(:partnerIds as varchar[]),
                cast(:warehouses as varchar[]), cast(:statuses as varchar[]), cast(:names as varchar[]),
                cast(:cities as varchar[]), cast(:postalCodes as varchar[]), cast(:countries as varchar[]),
                cast(:lineCounts as varchar[]), cast(:totals as varchar[]), cast(:sourceEventIds as varchar[]),
                cast(:correlationIds as varchar[]), cast(:plannedAt as varchar[]))
                as planned(id, order_id, partner_id, warehouse, status, name, city, postal_code, country, line_count,
                    total, source_event_id, correlation_id, planned_at)
            on conflict (order_id) do nothing""";

    public Uni<Shipment> findByOrderId(UUID orderId) {
        return find("orderId", orderId).firstResult();
    }

    public Uni<List<Shipment>> latest(int limit) {
        return find("order by plannedAt desc").page(0, limit).list();
    }

    public Uni<List<Shipment>> latestOf(String partnerId, int limit) {
        return find("partnerId = ?1 order by plannedAt desc", partnerId).page(0, limit).list();
    }
}
