-- Investigation teams (EPI-6): field investigation teams, the big-data working group (大数据工作组)
-- and the epi assistants in reserve per village/community. Investigations name their team.
CREATE TABLE epi_teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('field', 'big_data', 'reserve')),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (jurisdiction_code, name)
);
ALTER TABLE epi_teams ENABLE ROW LEVEL SECURITY;
CREATE POLICY epi_teams_scope ON epi_teams
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON epi_teams TO fangkong_app;
