-- Detention yard-service charged a carrier (DetentionCharged v2) is a carrier charge of kind DETENTION, accrued like a
-- label's cost: its tracking_number and shipment_id hold the appointment id, the reference a carrier's invoice line for
-- the detention names; the visit and the event's evidence (slot, arrival, clock, terms) are kept with it.
alter table carrier_charge
    add column visit_id varchar(64),
    add column evidence text;
-- One detention per appointment, whatever number of events report it.
create unique index ux_carrier_charge_detention on carrier_charge (carrier, tracking_number) where kind = 'DETENTION';
