-- The order after release, from the other services' and Odoo's events: which of Odoo's transfers are done (all done:
-- dispatched), the customer invoices Odoo posted, history entries that record without changing the status (a late
-- milestone, an invoice), and the shipments shipment-service planned for an order (their events name only the
-- shipment).
alter table customer_order
    add column odoo_pickings_done varchar(500),
    add column invoiced_at        timestamptz,
    add column invoice_names      varchar(200);

alter table order_history add column note varchar(30);

create index ix_order_odoo_order on customer_order (odoo_order_id) where odoo_order_id is not null;
create index ix_order_odoo_name on customer_order (odoo_name) where odoo_name is not null;

create table order_shipment (
    shipment_id uuid        primary key,
    order_id    uuid        not null references customer_order (id) on delete cascade,
    linked_at   timestamptz not null
);
create index ix_order_shipment_order on order_shipment (order_id);
