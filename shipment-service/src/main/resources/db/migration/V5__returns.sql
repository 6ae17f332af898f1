-- Returns of a dispatched shipment: initiated (by its partner or customer service) with a reason and the lines that
-- come back, then received at a site with each line's condition (the warehouse's receipt scan).
create table shipment_return (
    id              uuid primary key,
    shipment_id     uuid          not null references shipment (id),
    reason_code     varchar(32)   not null,
    status          varchar(16)   not null,
    initiated_by    varchar(128)  not null,
    lines           varchar(8000) not null,
    initiated_at    timestamptz   not null,
    site            varchar(32),
    received_lines  varchar(8000),
    received_at     timestamptz,
    version         bigint        not null default 0
);

create index ix_return_shipment on shipment_return (shipment_id, initiated_at);
