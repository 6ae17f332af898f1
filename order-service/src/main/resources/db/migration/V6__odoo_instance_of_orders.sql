-- The Odoo instance an order's Odoo ids (sale order, pickings) belong to: the fingerprint odoo-sync binds
-- (odoo_instance). Events from another instance (a restored copy, another stage at the same address) never match them.
-- Orders released before this version have none and match as before.
alter table customer_order add column odoo_instance varchar(64);
