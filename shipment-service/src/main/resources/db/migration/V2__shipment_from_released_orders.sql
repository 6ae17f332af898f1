-- Shipments are planned from released orders (order.released.v2): where they go in full, who fulfils them, and the
-- per-shipment sequence of the events published about them; an order cancelled before dispatch cancels its shipment.
alter table shipment
    add column ship_to_street  varchar(200),
    add column fulfiller_type  varchar(16),
    add column fulfiller_id    varchar(64),
    add column service_level   varchar(16)  not null default 'STANDARD',
    add column ship_by         timestamptz,
    add column event_sequence  bigint       not null default 0,
    add column cancelled_at    timestamptz,
    add column cancel_reason   varchar(500);
