-- Which Odoo instance every Odoo id in this schema came from (ODOO.md, "Which Odoo is this?"): the master-data cache,
-- the followed records, the watermarks, and the host's own links to Odoo records all belong to the bound instance. An
-- instance is the URL, the database name and the creation time of res.company 1 (what an integration user can read;
-- database.uuid is for Administration/Settings only), and the version serie (a major upgrade asks for a confirmation,
-- which may keep the data). A different instance seen at the configured address is recorded beside it and holds every
-- write and poll until an operator confirms it (/ops/odoo-sync/instance).
create table odoo_instance (
    id                   smallint primary key default 1 check (id = 1),
    fingerprint          varchar(64) not null,
    url                  varchar(1000) not null,
    database_name        varchar(256) not null,
    server_version       varchar(64),
    serie                varchar(32) not null,
    database_created     varchar(32) not null,
    bound_at             timestamptz not null,
    bound_by             varchar(256) not null,
    seen_fingerprint     varchar(64),
    seen_url             varchar(1000),
    seen_database_name   varchar(256),
    seen_server_version  varchar(64),
    seen_serie           varchar(32),
    seen_database_created varchar(32),
    seen_at              timestamptz
);
