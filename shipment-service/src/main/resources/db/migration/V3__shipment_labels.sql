-- A shipment's label: bought from one carrier for its parcels (one tracking number each), what it cost, the carrier's
-- reference to void it by; and when it left.
alter table shipment
    add column carrier            varchar(64),
    add column carrier_service    varchar(64),
    add column tracking_number    varchar(64),
    add column label_amount       numeric(19,4),
    add column label_currency     char(3),
    add column label_carrier_ref  varchar(500),
    add column label_url          varchar(1000),
    add column label_format       varchar(8),
    add column parcels            varchar(4000),
    add column labelled_at        timestamptz,
    add column dispatched_at      timestamptz;

create index ix_shipment_tracking on shipment (carrier, tracking_number) where tracking_number is not null;
