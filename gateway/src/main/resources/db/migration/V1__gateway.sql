-- The gateway's own state. Edge events taken in are deduplicated by event-kit's inbox (consumer 'edge-intake') and
-- leave through its outbox; what is here numbers them per aggregate and keeps partners' idempotency keys.

-- The last sequence number given to an aggregate's events (CloudEvents extension sequence), e.g. an order's picks.
create table edge_sequence (
    subject       varchar(200) primary key,
    last_sequence bigint       not null
);

-- A partner's POST with an Idempotency-Key: the first request's answer, replayed for a repeat with the same body.
create table idempotency_key (
    partner_id     varchar(64)  not null,
    idempotency_key varchar(255) not null,
    route          varchar(200) not null,
    request_hash   varchar(64)  not null,
    status         integer,
    content_type   varchar(200),
    location       varchar(500),
    body           text,
    created_at     timestamptz  not null,
    completed_at   timestamptz,
    primary key (partner_id, idempotency_key)
);
create index ix_idempotency_key_created on idempotency_key (created_at);
