-- Dock appointments. The exclusion constraint makes PostgreSQL itself refuse two booked appointments whose slots
-- overlap on the same dock, including between concurrent transactions. btree_gist lets a GiST index compare the
-- text columns with '='; managed PostgreSQL services ship it, but it may have to be allowed by an administrator.
create extension if not exists btree_gist;

create table dock_appointment (
    id             uuid primary key,
    site           varchar(32)  not null,
    dock           varchar(16)  not null,
    direction      varchar(10)  not null,
    carrier        varchar(100) not null,
    reference      varchar(100) not null,
    partner_id     varchar(64)  not null,
    slot_start     timestamptz  not null,
    slot_end       timestamptz  not null,
    status         varchar(20)  not null,
    correlation_id varchar(128),
    booked_at      timestamptz  not null,
    version        bigint       not null default 0,
    constraint ck_appointment_slot check (slot_end > slot_start),
    constraint ex_appointment_dock_overlap exclude using gist (
        site with =, dock with =, tstzrange(slot_start, slot_end, '[)') with &&
    ) where (status = 'BOOKED')
);

create index ix_appointment_site_slot on dock_appointment (site, slot_start);
