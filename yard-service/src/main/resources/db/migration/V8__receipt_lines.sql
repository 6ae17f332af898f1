-- Receipt lines confirmed at the dock (portage.warehouse, receipt-line-confirmed), each checked against its
-- appointment's purchase order in Odoo: matched, or an exception for a person with the evidence; a receipt goes into
-- Odoo once every product of the order has a matched or approved line, and then never again.
create table receipt_line (
    id              varchar(80)    primary key,
    receipt_id      varchar(64)    not null,
    line_number     integer        not null,
    site            varchar(32)    not null,
    appointment_id  uuid,
    sku             varchar(64)    not null,
    expected_qty    numeric(18,6)  not null,
    received_qty    numeric(18,6)  not null,
    short_qty       numeric(18,6)  not null,
    damaged_qty     numeric(18,6)  not null,
    confirmed_at    timestamptz    not null,
    status          varchar(20)    not null,
    discrepancy     varchar(20),
    evidence        varchar(1000),
    purchase_order  varchar(32),
    product_id      bigint,
    approved_by     varchar(100),
    applied_at      timestamptz,
    version         bigint         not null default 0
);

create index ix_receipt_line_receipt on receipt_line (receipt_id);
create index ix_receipt_line_status on receipt_line (site, status);
