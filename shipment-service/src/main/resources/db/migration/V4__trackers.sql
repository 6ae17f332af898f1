-- Trackers: one per dispatched shipment, keyed by carrier, tracking number and ship date (carriers reuse numbers:
-- a scan belongs to the tracker whose ship-date window holds it). Every scan is kept once, raw code and message
-- included, late ones too; the tracker's status only moves forward.
create table tracker (
    id               uuid primary key,
    shipment_id      uuid          not null references shipment (id),
    carrier          varchar(64)   not null,
    tracking_number  varchar(64)   not null,
    ship_date        date          not null,
    status           varchar(24)   not null,
    last_event_at    timestamptz,
    last_polled_at   timestamptz,
    created_at       timestamptz   not null,
    version          bigint        not null default 0,
    constraint uk_tracker unique (carrier, tracking_number, ship_date)
);

create index ix_tracker_open on tracker (status, last_polled_at);

create table tracking_event (
    id              bigserial primary key,
    tracker_id      uuid          not null references tracker (id),
    raw_code        varchar(64)   not null,
    raw_message     varchar(500),
    occurred_at     timestamptz   not null,
    city            varchar(100),
    country         varchar(2),
    status          varchar(24)   not null,
    applied         boolean       not null,
    source          varchar(16)   not null,
    received_at     timestamptz   not null,
    constraint uk_tracking_event unique (tracker_id, raw_code, occurred_at)
);
