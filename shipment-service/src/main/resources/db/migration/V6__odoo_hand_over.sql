-- What shipment-service writes into Odoo: the shipment's lines (Odoo's SKUs) and what was shipped, the sale order and
-- the delivery picking it acts on; an order may ship in several shipments (split_seq 0, 1, ...: each later one ships
-- the backorder of the one before). Each write is a durable hand-over, done once: the label's carrier and tracking
-- reference, the validation at dispatch, an accepted return.
alter table shipment
    add column lines              varchar(8000),
    add column shipped_lines      varchar(8000),
    add column client_order_ref   varchar(200),
    add column odoo_order_id      bigint,
    add column odoo_order_name    varchar(64),
    add column odoo_picking_id    bigint,
    add column odoo_picking_name  varchar(64),
    add column split_seq          integer not null default 0;

alter table shipment drop constraint uk_shipment_order;
alter table shipment add constraint uk_shipment_order_split unique (order_id, split_seq);

create table odoo_hand_over (
    id             uuid primary key,
    shipment_id    uuid          not null references shipment (id),
    order_id       uuid          not null,
    kind           varchar(16)   not null,
    return_id      uuid,
    lines          varchar(8000),
    status         varchar(16)   not null,
    attempts       integer       not null default 0,
    due_at         timestamptz   not null,
    claimed_until  timestamptz,
    last_error     varchar(2000),
    result         varchar(500),
    created_at     timestamptz   not null,
    done_at        timestamptz,
    version        bigint        not null default 0,
    constraint uk_odoo_hand_over unique nulls not distinct (shipment_id, kind, return_id)
);

create index ix_odoo_hand_over_due on odoo_hand_over (status, due_at);
