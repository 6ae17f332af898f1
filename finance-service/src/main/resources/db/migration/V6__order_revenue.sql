-- An order's revenue as invoiced in Odoo, kept when its invoice is made, for the margin per order and period.
alter table order_invoice
    add column revenue          numeric(19,4),
    add column revenue_currency char(3);
create index ix_order_invoice_invoiced_at on order_invoice (invoiced_at) where status = 'INVOICED';
create index ix_carrier_charge_shipment on carrier_charge (shipment_id);
