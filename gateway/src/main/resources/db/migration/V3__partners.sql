-- Partners onboarded through the operations API: their Keycloak client and rate limit (null: the default).
create table partner (
    partner_id varchar(64)  primary key,
    client_id  varchar(100) not null unique,
    scopes     varchar(400) not null,
    rate       double precision,
    burst      integer,
    created_at timestamptz  not null,
    created_by varchar(100) not null
);
