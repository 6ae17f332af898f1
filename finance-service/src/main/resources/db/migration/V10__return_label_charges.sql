-- A return label bought (ReturnLabelGenerated v1) is a carrier charge of kind RETURN_LABEL, accrued like a label's cost:
-- tracking_number is the return parcel's, shipment_id the outbound shipment the goods come back from, return_id the
-- return. One per return label (carrier + tracking number), whatever number of events report it.
alter table carrier_charge
    add column return_id varchar(100);
create unique index ux_carrier_charge_return_label on carrier_charge (carrier, tracking_number) where kind = 'RETURN_LABEL';
