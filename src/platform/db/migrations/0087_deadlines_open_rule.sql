-- Open items of one rule in a subtree (the dashboard's missed routine tests, TST-5; the deadlines list
-- filtered by rule): by rule, then the subtree's range, instead of every open item of the subtree.
CREATE INDEX deadlines_open_rule ON deadlines (rule_id, jurisdiction_code)
  WHERE done_at IS NULL AND cancelled_at IS NULL;
