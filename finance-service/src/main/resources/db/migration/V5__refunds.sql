-- Refunds: a return received in acceptable condition credits its order's customer invoice in Odoo (a credit note by
-- reversal); above the approval threshold it waits for a finance approver, whose decision is audited.
create table refund (
    id               uuid primary key,
    return_id        varchar(100)  not null unique,
    shipment_id      varchar(100)  not null,
    order_id         varchar(100),
    invoice_id       bigint,
    amount           numeric(19,4),
    currency         char(3),
    status           varchar(30)   not null,
    event_id         varchar(200)  not null,
    correlation_id   varchar(200),
    received_at      timestamptz   not null,
    decided_by       varchar(200),
    decided_at       timestamptz,
    reason           text,
    credit_note_id   bigint,
    credit_note_name varchar(100),
    error            text,
    version          bigint        not null default 0
);
create index ix_refund_status on refund (status);
