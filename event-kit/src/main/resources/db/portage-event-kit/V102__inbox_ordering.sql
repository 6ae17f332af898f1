-- Per-aggregate ordering for consumers: the last sequence applied per (consumer, subject), and the events that arrived
-- before their predecessor, parked until it comes (or until an operator accepts the gap).
create table inbox_position (
    consumer      varchar(100) not null,
    subject       varchar(200) not null,
    last_sequence bigint       not null,
    updated_at    timestamptz  not null,
    primary key (consumer, subject)
);

create table inbox_parked (
    consumer  varchar(100) not null,
    subject   varchar(200) not null,
    sequence  bigint       not null,
    event_id  varchar(100) not null,
    type      varchar(120) not null,
    headers   text         not null,
    payload   text,
    parked_at timestamptz  not null,
    primary key (consumer, subject, sequence)
);
create index ix_inbox_parked_age on inbox_parked (consumer, parked_at);
