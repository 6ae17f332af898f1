-- Shipments planned from received orders; one per order (the unique order_id makes replays harmless).
create table shipment (
    id                  uuid primary key,
    order_id            uuid           not null,
    partner_id          varchar(64)    not null,
    warehouse           varchar(32)    not null,
    status              varchar(20)    not null,
    ship_to_name        varchar(200)   not null,
    ship_to_city        varchar(100)   not null,
    ship_to_postal_code varchar(20)    not null,
    ship_to_country     char(2)        not null,
    line_count          integer        not null,
    total_quantity      numeric(14,3)  not null,
    source_event_id     varchar(100)   not null,
    correlation_id      varchar(128),
    planned_at          timestamptz    not null,
    version             bigint         not null default 0,
    constraint uk_shipment_order unique (order_id)
);

create index ix_shipment_partner on shipment (partner_id, planned_at desc);
