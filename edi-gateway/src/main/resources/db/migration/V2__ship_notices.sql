-- The orders of customers who want an 856 advance ship notice, kept from their release (what the notice lists):
-- the customer's purchase order number, the ERP's order name, the ship-to and the lines (JSON, as released).
create table edi_customer_order (
    order_id        varchar(64)  primary key,
    partner_id      varchar(64)  not null,
    purchase_order  varchar(64),
    order_name      varchar(64),
    ship_to         text         not null,
    lines           text         not null,
    correlation_id  varchar(128),
    created_at      timestamptz  not null
);

-- The parcels packed for such an order (from the warehouse's PackConfirmed): the SSCC and what is in it (JSON).
create table edi_pack (
    reference   varchar(120) primary key,
    order_id    varchar(64)  not null,
    sscc        varchar(48)  not null,
    lines       text         not null
);
create index ix_edi_pack_order on edi_pack (order_id);

-- The shipments of such orders: planned (CREATED), dispatched before their order was known (WAITING) or noticed
-- (SENT, with the 856's file). A shipment gets one 856, however often its dispatch is told.
create table edi_ship_notice (
    shipment_id    varchar(64)  primary key,
    order_id       varchar(64)  not null,
    partner_id     varchar(64)  not null,
    status         varchar(16)  not null,
    carrier        varchar(100),
    tracking       varchar(100),
    parcels        integer,
    dispatched_at  timestamptz,
    file_id        uuid,
    created_at     timestamptz  not null
);
create index ix_edi_ship_notice_order on edi_ship_notice (order_id);
