-- An EDI 210 v1 line carries only a tracking number and an amount: such a line is matched to the label's cost, not
-- re-rated, so its ship date, lane, weights and charges are absent.
alter table carrier_invoice_line
    alter column ship_date drop not null,
    alter column origin_country drop not null,
    alter column destination_country drop not null,
    alter column declared_weight_kg drop not null,
    alter column billed_weight_kg drop not null,
    alter column freight drop not null,
    alter column fuel drop not null;
