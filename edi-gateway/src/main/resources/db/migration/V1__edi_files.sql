-- Envelope control numbers per partner and kind (ISA, GS, ST): the next one is last_value + 1, taken in the
-- transaction that writes the document, so a number is never given twice.
create table partner_control_number (
    partner_id  varchar(64) not null,
    kind        varchar(3)  not null,
    last_value  bigint      not null,
    primary key (partner_id, kind)
);

-- Every file in and out: the archive (its exact content and hash), the trace (control numbers, correlation id,
-- business key, the events it produced or came from) and, for outbound files, the queue the dispatcher pushes from.
create table edi_file (
    id                  uuid primary key,
    partner_id          varchar(64)  not null,
    direction           varchar(3)   not null,
    document            varchar(3)   not null,
    file_name           varchar(200) not null,
    sha256              char(64)     not null,
    interchange_control varchar(9)   not null,
    group_control       varchar(9),
    set_controls        varchar(2000),
    status              varchar(16)  not null,
    content             text         not null,
    correlation_id      varchar(128),
    business_key        varchar(200),
    events              varchar(4000),
    attempts            integer      not null default 0,
    last_error          varchar(2000),
    created_at          timestamptz  not null,
    sent_at             timestamptz,
    ack_due_at          timestamptz,
    ack_status          varchar(1)
);

-- A partner's interchange control number identifies its file: the same interchange received twice is one file.
create unique index uk_edi_file_interchange on edi_file (partner_id, direction, interchange_control);
create index ix_edi_file_pending on edi_file (partner_id, created_at) where status = 'PENDING';
create index ix_edi_file_ack_due on edi_file (ack_due_at) where ack_status = 'W';
create index ix_edi_file_created on edi_file (created_at desc);

-- The orders sent in 940s, by the depositor order number the 3PL answers with in its 945.
create table edi_order (
    reference              varchar(90)  primary key,
    partner_id             varchar(64)  not null,
    depositor_order_number varchar(22)  not null,
    order_id               varchar(64)  not null,
    order_partner_id       varchar(64),
    correlation_id         varchar(128),
    -- The sequence of the last event edi-gateway published about this order (ShipConfirmed per 945).
    last_sequence          bigint       not null default 0,
    created_at             timestamptz  not null
);

-- The sequence of the last CarrierStatusReported per carrier and tracking number (its subject).
create table tracking_sequence (
    carrier         varchar(100) not null,
    tracking_number varchar(30)  not null,
    last_value      bigint       not null,
    primary key (carrier, tracking_number)
);
