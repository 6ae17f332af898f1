-- Trucks' visits to a site, built from gate, yard and dock scans (portage.warehouse, yard-scan-recorded): the visit as
-- a JSON document (each fact with the time and scan id it came from, so any order of scans ends the same) and the
-- columns the yard board and the appointments read.
create table yard_visit (
    id             varchar(100) primary key,
    site           varchar(32)  not null,
    visit_id       varchar(64)  not null,
    state          text         not null,
    status         varchar(20)  not null,
    appointment_id uuid,
    door           varchar(16),
    arrived_at     timestamptz,
    departed_at    timestamptz,
    version        bigint       not null default 0
);

create index ix_visit_site_status on yard_visit (site, status);
create index ix_visit_appointment on yard_visit (appointment_id);
