-- What yard-service knows of shipments from shipment-service's facts on portage.shipments, to check the shipments an
-- outbound appointment names: its warehouse, carrier and how far it went (PLANNED, LABELLED, DISPATCHED, CANCELLED).
create table outbound_shipment (
    shipment_id uuid primary key,
    order_id    text,
    partner_id  text,
    warehouse   text,
    carrier     text,
    status      text        not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);

-- The shipments an outbound appointment names (comma-separated ids), as purchase_orders for inbound ones.
alter table dock_appointment add column shipments text;
