package io.portage.shipment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.portage.kit.ops.Backlog;

/**
 * Shipment-service's backlog that costs money ({@code GET /ops/backlogs}): its hand-overs to Odoo (a delivery done, a
 * return received) not written yet, pending or failed, by the shipment's Odoo sale order name.
 */
@ApplicationScoped
public class ShipmentBacklogs {

    @Produces
    @Singleton
    Backlog odooHandOvers() {
        return Backlog.of("odoo-hand-overs-waiting", "Shipment hand-overs to Odoo waiting", "ops", "odoo", """
                select coalesce(s.odoo_order_name, s.id::text), h.created_at,
                       h.kind || ' ' || h.status || ', ' || h.attempts || ' attempts'
                       || coalesce(': ' || h.last_error, '')
                from {h-schema}odoo_hand_over h join {h-schema}shipment s on s.id = h.shipment_id
                where h.status in ('PENDING', 'FAILED')""");
    }
}
