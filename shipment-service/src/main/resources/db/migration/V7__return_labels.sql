-- A return's own label, bought from a carrier that sells return labels: carrier, tracking number, document, cost.
alter table shipment_return
    add column label_carrier          varchar(64),
    add column label_tracking_number  varchar(64),
    add column label_url              varchar(1000),
    add column label_amount           numeric(19,4),
    add column label_currency         char(3),
    add column labelled_at            timestamptz;
