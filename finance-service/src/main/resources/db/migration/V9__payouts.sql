-- Payment provider payouts (a Stripe-style balance transaction export): each balance transaction once (its id), charges
-- and refunds matched to the order their metadata names and that order's Odoo invoices, fees kept for the margin.
create table payout_import (
    id               uuid primary key,
    content_hash     char(64)     not null unique,
    lines            int          not null,
    matched          int          not null,
    unmatched        int          not null,
    not_orders       int          not null,
    already_imported int          not null,
    received_by      varchar(200) not null,
    correlation_id   varchar(200),
    received_at      timestamptz  not null
);

create table payment_transaction (
    -- The provider's balance transaction id (txn_...).
    id                 varchar(255) primary key,
    import_id          uuid          not null references payout_import (id),
    row_number         int           not null,
    type               varchar(40)   not null,
    source             varchar(255),
    amount             numeric(19,4) not null,
    fee                numeric(19,4) not null,
    net                numeric(19,4) not null,
    currency           char(3)       not null,
    created            timestamptz   not null,
    available_on       timestamptz,
    reporting_category varchar(60),
    payout             varchar(255),
    order_id           varchar(100),
    -- MATCHED (an order's charge or refund), UNMATCHED (one whose order is not found: an exception item), NOT_ORDER.
    status             varchar(20)   not null,
    odoo_invoice_ids   varchar(200),
    reason             text
);
create index ix_payment_transaction_order on payment_transaction (order_id) where status = 'MATCHED';
create index ix_payment_transaction_import on payment_transaction (import_id, row_number);
