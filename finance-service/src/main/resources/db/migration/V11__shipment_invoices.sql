-- An order shipped in several shipments is invoiced per shipment: each shipment's trigger (dispatch or proof of delivery,
-- by the customer's policy), or a person's release of the order, makes one invoice of what Odoo then has delivered and
-- not invoiced. order_invoice keeps the order's sum of them.
create table shipment_invoice (
    order_id         varchar(100)  not null,
    -- The shipment, or MANUAL for a finance person's release of the order.
    shipment_id      varchar(100)  not null,
    status           varchar(20)   not null,
    trigger_kind     varchar(20)   not null,
    trigger_event_id varchar(200),
    released_by      varchar(200),
    readied_at       timestamptz   not null,
    invoice_ids      varchar(500),
    revenue          numeric(19,4),
    revenue_currency char(3),
    invoiced_at      timestamptz,
    error            text,
    version          bigint        not null default 0,
    primary key (order_id, shipment_id)
);
create index ix_shipment_invoice_ready on shipment_invoice (readied_at) where status = 'READY';

-- What was released before: the shipment whose event triggered the order's invoice, or the person.
insert into shipment_invoice (order_id, shipment_id, status, trigger_kind, trigger_event_id, released_by, readied_at,
                              invoice_ids, revenue, revenue_currency, invoiced_at, error)
select o.order_id, coalesce(f.shipment_id, 'MANUAL'), o.status, o.trigger_kind, o.trigger_event_id, o.released_by,
       coalesce(o.invoiced_at, now()), o.invoice_ids, o.revenue, o.revenue_currency, o.invoiced_at, o.error
from order_invoice o
left join shipment_fact f on f.event_id = o.trigger_event_id
where o.status in ('READY', 'INVOICED') and (f.shipment_id is not null or o.released_by is not null);
