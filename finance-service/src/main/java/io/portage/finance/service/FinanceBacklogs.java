package io.portage.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.portage.kit.ops.Backlog;

/**
 * Finance-service's backlogs that cost money ({@code GET /ops/backlogs}), all finance's: orders shipped or delivered
 * but not invoiced (a dispatch or delivery names its shipment, whose creation names the order), returns received without a credit note, and carrier charges accrued but not matched to a carrier
 * invoice line yet.
 */
@ApplicationScoped
public class FinanceBacklogs {

    @Produces
    @Singleton
    Backlog deliveriesNotInvoiced() {
        return Backlog.of("deliveries-pending-invoicing", "Shipped or delivered orders not invoiced", "finance", "order-id",
                """
                        select c.order_id, min(f.happened_at),
                               string_agg(distinct f.kind, ', ') || coalesce(', invoice ' || min(i.status), '')
                        from {h-schema}shipment_fact f
                        join {h-schema}shipment_fact c on c.shipment_id = f.shipment_id and c.kind = 'CREATED'
                        left join {h-schema}order_invoice i on i.order_id = c.order_id
                        where f.kind in ('DISPATCHED', 'DELIVERED') and c.order_id is not null
                          and (i.status is null or i.status <> 'INVOICED')
                        group by c.order_id""");
    }

    @Produces
    @Singleton
    Backlog returnsNotRefunded() {
        return Backlog.of("returns-pending-refund", "Received returns without a credit note", "finance", "order-id", """
                select coalesce(r.order_id, 'return ' || r.return_id), r.received_at,
                       'return ' || r.return_id || ', ' || r.status
                       || coalesce(', ' || r.amount || ' ' || r.currency, '') || coalesce(': ' || r.error, '')
                from {h-schema}refund r
                where r.credit_note_id is null and r.status <> 'REFUSED'""");
    }

    @Produces
    @Singleton
    Backlog chargesNotReconciled() {
        return Backlog.of("carrier-charges-unreconciled", "Carrier charges not matched to a carrier invoice", "finance",
                "tracking", """
                        select c.tracking_number, c.confirmed_at,
                               c.carrier || ' ' || c.kind || ' ' || c.amount || ' ' || c.currency || ', accrual '
                               || c.accrual_status
                        from {h-schema}carrier_charge c
                        where c.billed_by is null""");
    }
}
