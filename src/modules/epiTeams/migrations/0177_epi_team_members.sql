-- EPI-6 (003 §3.4.6): the members of an investigation team. A member is an account (user_id) or,
-- for the reserve of epi assistants (流调协查员), a person without an account: name and phone, the
-- phone sealed as persons' phones are (encrypted, keyed hash, masked). A reserve assistant names
-- the village/community they stand ready for (3–5 per village). jurisdiction_code is the team's.
CREATE TABLE epi_team_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL REFERENCES epi_teams (id),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  user_id uuid REFERENCES users (id),
  person_name text,
  phone_cipher bytea,
  phone_hash bytea,
  phone_masked text,
  role text NOT NULL CHECK (role IN ('lead', 'investigator', 'analyst', 'assistant')),
  village_code text COLLATE "C" REFERENCES jurisdictions (code),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((user_id IS NOT NULL) <> (person_name IS NOT NULL))
);
CREATE UNIQUE INDEX epi_team_members_user ON epi_team_members (team_id, user_id) WHERE user_id IS NOT NULL AND active;
CREATE INDEX epi_team_members_team ON epi_team_members (team_id);
CREATE INDEX epi_team_members_village ON epi_team_members (village_code) WHERE village_code IS NOT NULL AND active;

ALTER TABLE epi_team_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY epi_team_members_scope ON epi_team_members
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON epi_team_members TO fangkong_app;
