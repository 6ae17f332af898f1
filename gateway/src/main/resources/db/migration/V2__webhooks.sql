-- Partners' webhook subscriptions and the deliveries of their events.

create table webhook_subscription (
    id              uuid          primary key,
    partner_id      varchar(64)   not null,
    url             varchar(2000) not null,
    -- The signing secret (whsec_ + base64 of 32 random bytes), shown to the partner once, at creation.
    secret          varchar(100)  not null,
    event_types     varchar(200)[] not null,
    status          varchar(20)   not null,
    created_at      timestamptz   not null,
    -- Since when every delivery has failed (null while deliveries succeed); disabled once it is older than the limit.
    failing_since   timestamptz,
    disabled_at     timestamptz,
    disabled_reason varchar(500)
);
create index ix_webhook_subscription_partner on webhook_subscription (partner_id, status);

create table webhook_delivery (
    id              bigserial     primary key,
    subscription_id uuid          not null references webhook_subscription (id) on delete cascade,
    event_id        varchar(200)  not null,
    event_type      varchar(200)  not null,
    -- The CloudEvent in structured mode, exactly the bytes signed and sent.
    body            text          not null,
    status          varchar(20)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    last_status     integer,
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    delivered_at    timestamptz,
    unique (subscription_id, event_id)
);
create index ix_webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index ix_webhook_delivery_subscription on webhook_delivery (subscription_id, id);
