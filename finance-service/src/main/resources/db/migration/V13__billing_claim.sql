-- A batch's billing is claimed by one runner at a time (finance-service runs two replicas by default, each resuming
-- unfinished batches): two runners posting the same bills at once would both find no bill under a ref and both create
-- it (ODOO.md, "Concurrency"). The claim lapses so a runner that died is taken over.
alter table audit_batch
    add column billing_claimed_until timestamptz;
