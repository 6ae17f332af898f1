-- Partner reliability: what partners' requests got, per time bucket, and what webhook deliveries' attempts got. Each
-- gateway replica adds its counts into the same rows (insert ... on conflict do update set x = x + excluded.x).

-- Element-wise sum of two latency histograms (counts per bucket of io.portage.gateway.reliability.LatencyHistogram);
-- the shorter is taken as padded with zeros (arrays end at their last non-zero bucket).
create function add_counts(a integer[], b integer[]) returns integer[]
    language sql immutable parallel safe
as $$
    select coalesce(array_agg(coalesce(a[i], 0) + coalesce(b[i], 0) order by i), '{}'::integer[])
    from generate_series(1, greatest(coalesce(cardinality(a), 0), coalesce(cardinality(b), 0))) as i
$$;

-- Requests of one partner on one route template (e.g. "GET /api/v1/orders/{id}") in one bucket, by status class:
-- 2xx, 3xx, 4xx, 5xx, limited (429 by the gateway's rate limiter), closed (the caller left before the answer).
create table partner_traffic (
    bucket_start   timestamptz  not null,
    partner_id     varchar(64)  not null,
    route          varchar(200) not null,
    status_class   varchar(8)   not null,
    requests       bigint       not null,
    latency_counts integer[]    not null,
    primary key (bucket_start, partner_id, route, status_class)
);

-- Webhook attempts per subscription and bucket: delivered (2xx), retried (failed, tried again later), failed (failed
-- and given up). Kept when the subscription is deleted.
create table webhook_outcome (
    bucket_start    timestamptz not null,
    subscription_id uuid        not null,
    partner_id      varchar(64) not null,
    delivered       bigint      not null default 0,
    retried         bigint      not null default 0,
    failed          bigint      not null default 0,
    primary key (bucket_start, subscription_id)
);
create index ix_webhook_outcome_partner on webhook_outcome (partner_id, bucket_start);
