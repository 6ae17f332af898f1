-- Carrier rate cards. One carrier cannot hold two cards for the same lane with overlapping validity periods, so a
-- quote always finds at most one card (enforced by PostgreSQL, also between concurrent transactions).
create extension if not exists btree_gist;

create table rate_card (
    id                  uuid primary key,
    carrier             varchar(100)  not null,
    origin_country      char(2)       not null,
    destination_country char(2)       not null,
    currency            char(3)       not null,
    minimum_charge      numeric(10,2) not null check (minimum_charge >= 0),
    price_per_kg        numeric(10,4) not null check (price_per_kg > 0),
    valid_from          date          not null,
    valid_to            date,
    created_at          timestamptz   not null,
    version             bigint        not null default 0,
    constraint ck_rate_card_validity check (valid_to is null or valid_to >= valid_from),
    constraint ex_rate_card_validity_overlap exclude using gist (
        carrier with =, origin_country with =, destination_country with =,
        daterange(valid_from, valid_to, '[]') with &&
    )
);
