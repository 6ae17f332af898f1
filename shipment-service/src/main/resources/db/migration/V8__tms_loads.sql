-- Each planned shipment's load at the transport management system: its tender (retried while the TMS is away), the
-- plan applied (revision, carrier, pickup window) and the outbound dock appointment that plan asks of yard-service.
create table tms_load (
    shipment_id          uuid         primary key references shipment (id),
    site                 varchar(32)  not null,
    status               varchar(16)  not null,
    load_id              varchar(64),
    tender_attempts      integer      not null default 0,
    tender_due_at        timestamptz,
    tender_error         varchar(500),
    revision             bigint       not null default 0,
    carrier              varchar(100),
    pickup_start         timestamptz,
    pickup_end           timestamptz,
    planned_at           timestamptz,
    appointment_status   varchar(16)  not null,
    appointment_id       uuid,
    appointment_start    timestamptz,
    appointment_end      timestamptz,
    appointment_attempts integer      not null default 0,
    appointment_due_at   timestamptz,
    appointment_error    varchar(500),
    version              bigint       not null default 0
);
create index ix_tms_load_tender_due on tms_load (tender_due_at) where status = 'TO_TENDER';
create index ix_tms_load_appointment_due on tms_load (appointment_due_at) where appointment_status = 'TO_BOOK';
create unique index ux_tms_load_load_id on tms_load (load_id) where load_id is not null;
