-- The order's way from intake to release: the SKU Odoo knows it by, the hand-over to Odoo (a durable queue on the order
-- row itself: due time, attempts, a claim while a worker talks to Odoo, the last error), who fulfils it, and a
-- history of its status changes for partners.
alter table order_line add column product_sku varchar(64);

alter table customer_order
    add column event_sequence   bigint       not null default 1,
    add column hold_reason      varchar(500),
    add column ship_by          timestamptz,
    add column odoo_order_id    bigint,
    add column odoo_name        varchar(64),
    add column odoo_picking_ids varchar(500),
    add column odoo_synced_at   timestamptz,
    add column sync_attempts    integer      not null default 0,
    add column sync_due_at      timestamptz,
    add column sync_claimed_until timestamptz,
    add column sync_error       varchar(1000),
    add column fulfiller_type   varchar(20),
    add column fulfiller_id     varchar(64),
    add column released_at      timestamptz,
    add column cancelled_at     timestamptz,
    add column cancel_reason    varchar(500),
    add column updated_at       timestamptz;

update customer_order set updated_at = received_at;
alter table customer_order alter column updated_at set not null;

-- The hand-over queue: accepted orders not yet in Odoo, by due time.
create index ix_order_sync_due on customer_order (sync_due_at) where status = 'ACCEPTED';

-- A channel's own SKUs mapped to the product's SKU in Odoo (default_code). Without a row, the channel's SKU is taken
-- as Odoo's.
create table channel_sku (
    channel     varchar(40) not null,
    channel_sku varchar(64) not null,
    sku         varchar(64) not null,
    updated_at  timestamptz not null,
    updated_by  varchar(128) not null,
    primary key (channel, channel_sku)
);

-- What happened to an order, in order: for the partner's read model and for people resolving an exception.
create table order_history (
    order_id uuid         not null references customer_order (id) on delete cascade,
    seq      integer      not null,
    status   varchar(20)  not null,
    at       timestamptz  not null,
    source   varchar(100) not null,
    detail   varchar(1000),
    primary key (order_id, seq)
);
