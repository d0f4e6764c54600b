-- Issue 12 Deliver 4: a result a new plan carries over from the plan it replaced. When a done test
-- satisfies a test the new version moved (same kind, negative, enough reagents, within the moved
-- test's window), the new plan's item records that result with the item of the test that was
-- actually done ("test:nat:d1" for a NAT moved to day 3); null for a result of the same item.
ALTER TABLE arrival_plan_events ADD COLUMN satisfied_by text
  CHECK (satisfied_by ~ '^test:(nat|antigen|serum):d[0-9]{1,3}$');
