-- ISO-6: a result taken at the site that answers a test of the arrival's plan (same kind, same local
-- day) is recorded on the plan too; the plan item it was recorded on, so both read the same and the
-- release check counts it once. NULL for contacts, and when the plan did not take it.
ALTER TABLE isolation_test_results ADD COLUMN plan_item text CHECK (length(plan_item) <= 40);
