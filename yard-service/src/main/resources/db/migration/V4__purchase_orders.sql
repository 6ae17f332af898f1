-- The purchase orders an inbound appointment names (Odoo names such as P00013, comma-separated), checked in Odoo at
-- booking; a booking whose check failed at a site that holds such bookings stays REQUESTED with the reasons.
alter table dock_appointment add column purchase_orders varchar(700);
