-- The exception queue: business exceptions automation could not settle, for a person to resolve. At most one active
-- (OPEN) item per type and business key, so raising the same exception again finds the item already there.
create table exception_item (
    id           uuid         primary key,
    type         varchar(80)  not null,
    owner_role   varchar(60)  not null,
    business_key varchar(200) not null,
    summary      text         not null,
    payload      text,
    status       varchar(20)  not null,
    attempts     integer      not null default 0,
    last_error   text,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    resolved_by  varchar(100),
    resolution   text,
    constraint ck_exception_status check (status in ('OPEN', 'RETRIED', 'RESOLVED', 'DISCARDED'))
);
create unique index uq_exception_active on exception_item (type, business_key) where status = 'OPEN';
create index ix_exception_open on exception_item (owner_role, created_at) where status = 'OPEN';
