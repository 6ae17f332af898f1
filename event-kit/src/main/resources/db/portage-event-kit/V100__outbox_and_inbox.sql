-- The event kit's tables, in the service's own schema (services add classpath:db/portage-event-kit to
-- quarkus.flyway.locations).

-- Transactional outbox: events are inserted in the same transaction as the state change they describe; the relay
-- publishes them to Kafka in id order and stamps published_at. A row is never deleted before it is published.
create table outbox_event (
    id             bigserial    primary key,
    event_id       uuid         not null unique,
    type           varchar(120) not null,
    topic          varchar(120) not null,
    source         varchar(200) not null,
    subject        varchar(200) not null,
    sequence       bigint       not null,
    correlation_id varchar(128),
    partner_id     varchar(64),
    occurred_at    timestamptz  not null,
    payload        text         not null,
    created_at     timestamptz  not null,
    published_at   timestamptz,
    attempts       integer      not null default 0
);
create index ix_outbox_unpublished on outbox_event (id) where published_at is null;

-- Idempotent inbox: one row per (consumer, event id) applied, written in the same transaction as the effect.
create table inbox_event (
    consumer   varchar(100) not null,
    event_id   varchar(100) not null,
    type       varchar(120) not null,
    applied_at timestamptz  not null,
    primary key (consumer, event_id)
);
