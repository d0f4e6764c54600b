-- Every pack version ever assigned to a jurisdiction (ARR-1 … ARR-10: the plan records the pack
-- version that produced it). An arrival is planned by the version in force on its local date; when
-- the version assigned now took effect later, the version once assigned there that was in force on
-- that date governs it, and with none the arrival goes to the CDC instead of being planned.
CREATE TABLE policy_assignment_history (
  -- Assignment order: two assignments in one transaction share assigned_at.
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  pack_id text NOT NULL,
  pack_version text NOT NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  assigned_by uuid,
  FOREIGN KEY (pack_id, pack_version) REFERENCES policy_packs (id, version)
);
CREATE INDEX policy_assignment_history_jurisdiction ON policy_assignment_history (jurisdiction_code, seq DESC);

INSERT INTO policy_assignment_history (jurisdiction_code, pack_id, pack_version, assigned_at, assigned_by)
  SELECT jurisdiction_code, pack_id, pack_version, assigned_at, assigned_by FROM policy_assignments
  ORDER BY assigned_at, jurisdiction_code;

-- As policy_assignments: a subtree reads its own history and its ancestors' (they govern it);
-- rows are only added, within the scope. No scope, no rows.
ALTER TABLE policy_assignment_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY policy_assignment_history_read ON policy_assignment_history FOR SELECT
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[])
    OR EXISTS (SELECT 1 FROM unnest((SELECT fangkong_scope())::text[]) AS s (code) WHERE s.code ^@ jurisdiction_code));
CREATE POLICY policy_assignment_history_insert ON policy_assignment_history FOR INSERT
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT ON policy_assignment_history TO fangkong_app;
