-- Freight accruals: each confirmed carrier charge is accrued in Odoo (a journal entry, ref = the shipment and charge),
-- and reversed once the carrier's invoice line for it is matched and billed. Every Odoo posting is recorded with what
-- caused it (event ids, batch) and the correlation id, so "why was this posted" is one query.
alter table carrier_charge
    add column accrual_status   varchar(20)  not null default 'PENDING',
    add column accrual_ref      varchar(200),
    add column accrual_move_id  bigint,
    add column accrual_error    text,
    add column billed_by        uuid references carrier_invoice (id),
    add column reversal_move_id bigint;
create index ix_carrier_charge_accrual_todo on carrier_charge (confirmed_at)
    where accrual_status = 'PENDING' or (accrual_status = 'POSTED' and billed_by is not null and reversal_move_id is null);

create table posting (
    id             uuid primary key,
    kind           varchar(30)   not null,
    odoo_move_id   bigint        not null,
    odoo_move_name varchar(100),
    ref            varchar(200)  not null,
    amount         numeric(19,4) not null,
    currency       char(3)       not null,
    -- What caused it: event ids, a batch and its lines (JSON), and the correlation id of the request or event.
    caused_by      text          not null,
    correlation_id varchar(200),
    posted_at      timestamptz   not null
);
create index ix_posting_move on posting (odoo_move_id);
create index ix_posting_ref on posting (ref);
