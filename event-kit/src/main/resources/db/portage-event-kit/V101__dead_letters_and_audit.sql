-- Dead letters: records a consumer could not apply, kept with their original headers and payload until an operator
-- replays (through the consumer, so the inbox keeps the effect single) or discards them. One row per Kafka record
-- and consumer, so a redelivered poison record is stored once.
create table dead_letter (
    id                uuid         primary key,
    consumer          varchar(100) not null,
    topic             varchar(200) not null,
    kafka_partition   integer      not null,
    kafka_offset      bigint       not null,
    record_key        varchar(200),
    event_id          varchar(100),
    event_type        varchar(120),
    headers           text         not null,
    payload           text,
    reason            text         not null,
    attempts          integer      not null,
    status            varchar(20)  not null,
    corrected_payload text,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    resolved_by       varchar(100),
    constraint uq_dead_letter_record unique (consumer, topic, kafka_partition, kafka_offset),
    constraint ck_dead_letter_status check (status in ('OPEN', 'REPLAYED', 'DISCARDED'))
);
create index ix_dead_letter_open on dead_letter (consumer, created_at) where status = 'OPEN';

-- Who did what through the operations API: one row per action, also for actions that failed.
create table ops_audit (
    id             bigserial    primary key,
    at             timestamptz  not null,
    actor          varchar(100) not null,
    action         varchar(60)  not null,
    target         varchar(200) not null,
    outcome        varchar(20)  not null,
    detail         text,
    correlation_id varchar(128)
);
create index ix_ops_audit_target on ops_audit (target, at);
