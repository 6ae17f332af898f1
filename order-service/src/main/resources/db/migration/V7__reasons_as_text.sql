-- A hold reason names every unknown SKU of the order (64 characters each, so eight overflowed 500) or carries Odoo's
-- refusal message, whose length Odoo does not bound; a cancellation reason comes from Odoo too. Held as text, whole.
alter table customer_order alter column hold_reason type text;
alter table customer_order alter column cancel_reason type text;
