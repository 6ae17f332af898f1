package io.portage.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.portage.kit.ops.Backlog;

/**
 * Order-service's backlogs that cost money ({@code GET /ops/backlogs}): orders released but not shipped, orders
 * waiting to be handed to Odoo, and orders held for a person. Each item is the channel's order number.
 */
@ApplicationScoped
public class OrderBacklogs {

    @Produces
    @Singleton
    Backlog awaitingShipment() {
        return Backlog.of("orders-awaiting-shipment", "Orders awaiting shipment confirmation", "warehouse", "order",
                """
                        select o.external_id, o.released_at,
                               o.status || coalesce(' at ' || o.fulfiller_id, '') || coalesce(', ship by ' || to_char(o.ship_by at time zone 'UTC',
                               'YYYY-MM-DD HH24:MI') || ' UTC', '')
                        from {h-schema}customer_order o
                        where o.status in ('RELEASED', 'PICKED', 'PACKED') and o.released_at is not null""");
    }

    @Produces
    @Singleton
    Backlog waitingForOdoo() {
        return Backlog.of("orders-waiting-for-odoo", "Orders waiting to be handed to Odoo", "ops", "order", """
                select o.external_id, o.received_at,
                       o.sync_attempts || ' attempts' || coalesce(': ' || o.sync_error, '')
                from {h-schema}customer_order o
                where o.status = 'ACCEPTED'""");
    }

    @Produces
    @Singleton
    Backlog held() {
        return Backlog.of("orders-held", "Orders held before Odoo (unknown SKU, refused by Odoo)", "ops", "order",
                """
                        select o.external_id,
                               coalesce((select max(h.at) from {h-schema}order_history h where h.order_id = o.id and h.status = 'ON_HOLD'),
                                        o.updated_at),
                               o.hold_reason
                        from {h-schema}customer_order o
                        where o.status = 'ON_HOLD'""");
    }
}
