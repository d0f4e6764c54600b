-- CAS-5 information release: press conferences of a county (疫情发生地县级人民政府), each either owed
-- after the first local case of an outbreak ("不得晚于次日召开新闻发布会" [002 §27]) or a regular
-- release recorded as it is held. A row owed and not yet held carries the deadline's due time; the
-- deadline itself is in the shared deadlines table (subject 'press_conference'). The bulletin module
-- owns this table.
CREATE TABLE press_conferences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The county that holds it.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  -- The local case that started the outbreak and made the conference owed; null for a regular release.
  first_case_id uuid REFERENCES cases (id),
  first_case_at timestamptz,
  due_at timestamptz,
  held_at timestamptz,
  place text,
  spokesperson text,
  note text,
  recorded_by uuid,
  recorded_by_name text,
  recorded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((first_case_id IS NULL) = (due_at IS NULL)),
  CHECK (first_case_id IS NOT NULL OR held_at IS NOT NULL),
  CHECK ((held_at IS NULL) = (recorded_at IS NULL))
);
-- One conference owed per outbreak start.
CREATE UNIQUE INDEX press_conferences_first_case ON press_conferences (first_case_id) WHERE first_case_id IS NOT NULL;
CREATE INDEX press_conferences_county ON press_conferences (jurisdiction_code, created_at DESC);

ALTER TABLE press_conferences ENABLE ROW LEVEL SECURITY;
CREATE POLICY press_conferences_scope ON press_conferences
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON press_conferences TO fangkong_app;
