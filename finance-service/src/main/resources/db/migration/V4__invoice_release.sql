-- Customer invoices released per customer policy: at dispatch, at proof of delivery, or by a person. What the shipment and
-- order events said is kept (whatever order they came in), and an order's invoice is made in Odoo from its sale order
-- once, when its release and its trigger are both known.
create table invoice_policy (
    partner_id varchar(64)  primary key,
    policy     varchar(20)  not null,
    updated_by varchar(200) not null,
    updated_at timestamptz  not null
);

create table shipment_fact (
    shipment_id varchar(100) not null,
    kind        varchar(20)  not null,
    order_id    varchar(100),
    event_id    varchar(200) not null,
    happened_at timestamptz  not null,
    primary key (shipment_id, kind)
);
create index ix_shipment_fact_order on shipment_fact (order_id) where order_id is not null;

create table order_invoice (
    order_id          varchar(100) primary key,
    partner_id        varchar(64),
    sale_order_id     bigint,
    released_event_id varchar(200),
    correlation_id    varchar(200),
    status            varchar(20)  not null,
    trigger_kind      varchar(20),
    trigger_event_id  varchar(200),
    released_by       varchar(200),
    invoice_ids       varchar(500),
    error             text,
    invoiced_at       timestamptz,
    version           bigint       not null default 0
);
create index ix_order_invoice_ready on order_invoice (order_id) where status = 'READY';
