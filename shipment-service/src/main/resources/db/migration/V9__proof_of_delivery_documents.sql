-- Carriers' proof-of-delivery images (a parcel API tracker's delivery photo and signature), one of each kind per
-- shipment: the newest the carrier sent. Served at /api/v1/shipments/{id}/proof-of-delivery/{kind}.
create table proof_document (
    shipment_id     uuid         not null,
    kind            varchar(20)  not null,
    tracking_number varchar(64)  not null,
    content_type    varchar(40)  not null,
    content         bytea        not null,
    sha256          varchar(64)  not null,
    received_at     timestamptz  not null,
    primary key (shipment_id, kind)
);
