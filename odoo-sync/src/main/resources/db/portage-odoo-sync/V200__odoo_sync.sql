-- odoo-sync: change capture out of Odoo and the master-data cache, in the schema of the service that hosts it.

-- Per Odoo model: how far the poller has read (Odoo's write_date, UTC, second precision) and how it went.
create table odoo_sync_state (
    model            varchar(64) primary key,
    watermark        timestamp,
    loaded_at        timestamptz,
    last_attempt_at  timestamptz,
    last_success_at  timestamptz,
    last_error       varchar(1000),
    records_seen     bigint not null default 0,
    events_emitted   bigint not null default 0
);

-- The last version of each followed transactional record (sale.order, stock.picking, account.move): the dedupe key of
-- change capture. A change is news when its write_date is newer than the one recorded here; an event is staged when
-- the state it reaches differs from the recorded one, in the transaction that records it.
create table odoo_change_record (
    model       varchar(64) not null,
    odoo_id     bigint not null,
    write_date  timestamp not null,
    state       varchar(32),
    sequence    bigint not null default 0,
    primary key (model, odoo_id)
);

-- The master-data cache: products, partners, warehouses, locations, carriers as Odoo had them at write_date.
create table odoo_master_record (
    model       varchar(64) not null,
    odoo_id     bigint not null,
    code        varchar(256),
    barcode     varchar(256),
    name        varchar(1024) not null,
    active      boolean not null,
    data        jsonb not null,
    write_date  timestamp not null,
    synced_at   timestamptz not null,
    primary key (model, odoo_id)
);

create index odoo_master_record_code on odoo_master_record (model, code) where code is not null;
create index odoo_master_record_barcode on odoo_master_record (model, barcode) where barcode is not null;
