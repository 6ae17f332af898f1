-- Stock snapshots from a WMS or 3PL reconciled against Odoo's quantities: one row per snapshot received, one per line
-- with the snapshot's and Odoo's quantity and the verdict. A snapshot is stored whole with its report, or not at all.
create table inventory_reconciliation (
    id               uuid         primary key,
    source           varchar(100) not null,
    taken_at         timestamptz  not null,
    received_at      timestamptz  not null,
    received_by      varchar(128) not null,
    line_count       integer      not null,
    difference_count integer      not null,
    changed_count    integer      not null,
    correlation_id   varchar(128)
);
create index ix_inventory_reconciliation_received on inventory_reconciliation (received_at desc);

create table inventory_reconciliation_line (
    reconciliation_id uuid           not null references inventory_reconciliation (id) on delete cascade,
    line_no           integer        not null,
    site              varchar(32)    not null,
    sku               varchar(64)    not null,
    location          varchar(200),
    snapshot_qty      numeric(14, 3) not null,
    odoo_qty          numeric(14, 3),
    difference        numeric(14, 3),
    verdict           varchar(30)    not null,
    odoo_changed_at   timestamptz,
    primary key (reconciliation_id, line_no)
);
