-- The carrier invoice audit: each carrier's terms (Odoo vendor, tolerances, fuel surcharges, agreed accessorials), the
-- carrier charges Portage confirmed (labels bought), and the carrier invoices received in batches with each line's
-- verdict. Money is numeric with its ISO 4217 currency beside it.

create table carrier_terms (
    carrier            varchar(100) primary key,
    odoo_partner_id    bigint check (odoo_partner_id > 0),
    -- Tolerances overriding the configured defaults; null: the default applies.
    amount_tolerance   numeric(12,2) check (amount_tolerance >= 0),
    percent_tolerance  numeric(6,3)  check (percent_tolerance >= 0),
    -- [{"validFrom":"2026-01-01","percent":12.5}, ...] and [{"code":"LIFTGATE","amount":25.00,"currency":"EUR"}, ...]
    fuel_surcharges    text          not null,
    accessorials       text          not null,
    updated_at         timestamptz   not null,
    updated_by         varchar(200)  not null,
    version            bigint        not null default 0
);

create table carrier_charge (
    id              uuid primary key,
    carrier         varchar(100)  not null,
    tracking_number varchar(100)  not null,
    shipment_id     varchar(100)  not null,
    kind            varchar(20)   not null,
    amount          numeric(19,4) not null check (amount >= 0),
    currency        char(3)       not null,
    event_id        varchar(200)  not null unique,
    correlation_id  varchar(200),
    confirmed_at    timestamptz   not null
);
create index ix_carrier_charge_tracking on carrier_charge (carrier, tracking_number);

-- One received file or API call; the same content again is the same batch (content_hash).
create table audit_batch (
    id             uuid primary key,
    source         varchar(20)  not null,
    content_hash   char(64)     not null unique,
    status         varchar(20)  not null,
    total_lines    int          not null,
    audited_lines  int          not null default 0,
    received_by    varchar(200) not null,
    correlation_id varchar(200),
    received_at    timestamptz  not null,
    finished_at    timestamptz,
    version        bigint       not null default 0
);
create index ix_audit_batch_unfinished on audit_batch (received_at) where status <> 'DONE';

create table carrier_invoice (
    id             uuid primary key,
    batch_id       uuid          not null references audit_batch (id),
    position       int           not null,
    carrier        varchar(100)  not null,
    invoice_number varchar(100)  not null,
    invoice_date   date          not null,
    currency       char(3)       not null,
    status         varchar(20)   not null,
    -- The invoice received first under this carrier and number, when this one repeats it: never billed twice.
    duplicate_of   uuid references carrier_invoice (id),
    odoo_bill_id   bigint,
    odoo_bill_name varchar(100),
    bill_error     text,
    version        bigint        not null default 0,
    unique (batch_id, position)
);
create unique index ux_carrier_invoice_number on carrier_invoice (carrier, invoice_number) where duplicate_of is null;

create table carrier_invoice_line (
    id                 uuid primary key,
    invoice_id         uuid          not null references carrier_invoice (id),
    batch_id           uuid          not null references audit_batch (id),
    position           int           not null,
    line_number        int           not null,
    carrier            varchar(100)  not null,
    tracking_number    varchar(100)  not null,
    ship_date          date          not null,
    origin_country     char(2)       not null,
    destination_country char(2)      not null,
    service            varchar(40),
    declared_weight_kg numeric(12,3) not null,
    billed_weight_kg   numeric(12,3) not null,
    freight            numeric(19,4) not null,
    fuel               numeric(19,4) not null,
    -- {"LIFTGATE":25.00, ...}
    accessorials       text          not null,
    total              numeric(19,4) not null,
    currency           char(3)       not null,
    status             varchar(20)   not null,
    dispute_class      varchar(40),
    expected           numeric(19,4),
    evidence           text,
    audited_at         timestamptz,
    unique (invoice_id, line_number),
    unique (batch_id, position)
);
create index ix_carrier_invoice_line_tracking on carrier_invoice_line (carrier, tracking_number);
