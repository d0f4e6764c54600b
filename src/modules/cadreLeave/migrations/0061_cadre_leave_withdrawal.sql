-- A leave that is not taken any more (the trip called off) is withdrawn: the application ends, and
-- with it the return report an approval had put on the community's list, which would otherwise
-- stay open, go overdue and escalate for a return that never comes. Who withdrew it and why are kept.
ALTER TABLE cadre_leaves DROP CONSTRAINT cadre_leaves_status_check;
ALTER TABLE cadre_leaves ADD CONSTRAINT cadre_leaves_status_check
  CHECK (status IN ('pending', 'approved', 'rejected', 'returned', 'withdrawn'));
ALTER TABLE cadre_leaves ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE cadre_leaves ADD COLUMN withdrawn_by_name text;
ALTER TABLE cadre_leaves ADD COLUMN withdrawal_reason text;
