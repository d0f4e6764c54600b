-- Policy packs (ARR-1 … ARR-10) as versioned data. A pack version is immutable once loaded: plans
-- cite it, and a change is a new version whose impact is previewed before it is applied.
CREATE TABLE policy_packs (
  id text NOT NULL,
  version text NOT NULL,
  title_zh text NOT NULL,
  title_en text NOT NULL,
  authority_zh text NOT NULL,
  effective_from date NOT NULL,
  effective_to date,
  content jsonb NOT NULL,
  source_text text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  loaded_by uuid,
  PRIMARY KEY (id, version)
);
GRANT SELECT, INSERT ON policy_packs TO fangkong_app;

-- Which pack version governs arrivals into a jurisdiction subtree; the nearest ancestor's wins.
CREATE TABLE policy_assignments (
  jurisdiction_code text COLLATE "C" PRIMARY KEY REFERENCES jurisdictions (code),
  pack_id text NOT NULL,
  pack_version text NOT NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  assigned_by uuid,
  FOREIGN KEY (pack_id, pack_version) REFERENCES policy_packs (id, version)
);
ALTER TABLE policy_assignments ENABLE ROW LEVEL SECURITY;
-- A subtree is governed by its own assignments and its ancestors', so both are readable; writes
-- stay within the scope. No scope, no rows.
CREATE POLICY policy_assignments_read ON policy_assignments FOR SELECT
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[])
    OR EXISTS (SELECT 1 FROM unnest((SELECT fangkong_scope())::text[]) AS s (code) WHERE s.code ^@ jurisdiction_code));
CREATE POLICY policy_assignments_insert ON policy_assignments FOR INSERT
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
CREATE POLICY policy_assignments_update ON policy_assignments FOR UPDATE
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON policy_assignments TO fangkong_app;
