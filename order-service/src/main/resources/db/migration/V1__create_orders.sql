-- Orders as received from their channels. (channel, external_id) is the idempotency key of intake.
create table customer_order (
    id             uuid primary key,
    channel        varchar(40)  not null,
    external_id    varchar(100) not null,
    partner_id     varchar(64)  not null,
    warehouse      varchar(32)  not null,
    customer_name  varchar(200) not null,
    customer_email varchar(320),
    street         varchar(200) not null,
    city           varchar(100) not null,
    postal_code    varchar(20)  not null,
    country        char(2)      not null,
    status         varchar(20)  not null,
    correlation_id varchar(128),
    received_at    timestamptz  not null,
    version        bigint       not null default 0,
    constraint uk_order_channel_external unique (channel, external_id)
);

create table order_line (
    id       uuid primary key,
    order_id uuid          not null references customer_order (id) on delete cascade,
    line_no  integer       not null,
    sku      varchar(64)   not null,
    quantity numeric(10,3) not null check (quantity > 0),
    constraint uk_order_line_no unique (order_id, line_no)
);

create index ix_order_partner on customer_order (partner_id, received_at desc);
