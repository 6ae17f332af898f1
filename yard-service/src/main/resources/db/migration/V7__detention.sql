-- Each carrier's detention terms (the carrier is the partner that books), and when a visit's detention was charged,
-- so a gate-out delivered again charges nothing more.
create table carrier_detention (
    carrier          varchar(64)   primary key,
    free_minutes     integer       not null,
    hourly_rate      numeric(12,2) not null,
    currency         char(3)       not null,
    rounding_minutes integer       not null,
    maximum_charge   numeric(12,2),
    updated_by       varchar(100)  not null,
    updated_at       timestamptz   not null,
    version          bigint        not null default 0
);

alter table yard_visit add column detention_settled_at timestamptz;
