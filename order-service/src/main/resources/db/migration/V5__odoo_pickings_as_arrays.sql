-- An order's Odoo transfers (pickings) and the ones done were comma-joined strings ("7,8"), parsed wherever they were
-- read; they become bigint arrays ({7,8}). Existing rows are converted in place; an empty string becomes an empty array.
alter table customer_order
    alter column odoo_picking_ids type bigint[]
        using case when odoo_picking_ids is null then null
                   else coalesce(string_to_array(nullif(odoo_picking_ids, ''), ',')::bigint[], '{}') end,
    alter column odoo_pickings_done type bigint[]
        using case when odoo_pickings_done is null then null
                   else coalesce(string_to_array(nullif(odoo_pickings_done, ''), ',')::bigint[], '{}') end;
