-- Epidemiological investigations (流行病学调查, EPI-1, EPI-2, EPI-6): one per case reported and not
-- discarded, opened by the investigations module (its sweep, or on demand), never by the cases module.
-- Its id is its case's id, so a deadline's subject, a link and a route all name the case.
CREATE TABLE investigations (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL UNIQUE REFERENCES cases (id),
  -- The case's jurisdiction (scope follows the case).
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'first_done', 'submitted', 'returned', 'released', 'closed')),
  investigator_id uuid,
  investigator_name text,
  -- An epi_teams row (EPI-6), checked when assigned: that table's migration (0175) comes after this one.
  team_id uuid,
  opened_at timestamptz NOT NULL,
  first_due_at timestamptz NOT NULL,
  complete_due_at timestamptz NOT NULL,
  -- EPI-1 首次流调: a short summary of what was learnt first.
  first_done_at timestamptz,
  first_done_by uuid,
  first_summary text,
  -- The investigation report (流调报告), written by the investigator, reviewed before release (EPI-6).
  report text NOT NULL DEFAULT '',
  -- The first submission closes EPI-1's 24 hours; a return for changes does not reopen it.
  complete_done_at timestamptz,
  submitted_at timestamptz,
  submitted_by uuid,
  submitted_by_name text,
  reviewed_at timestamptz,
  reviewed_by uuid,
  reviewed_by_name text,
  return_reason text,
  released_at timestamptz,
  closed_at timestamptz,
  close_reason text,
  version int NOT NULL DEFAULT 1,
  CHECK (id = case_id),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX investigations_list ON investigations (jurisdiction_code, opened_at DESC);
CREATE INDEX investigations_investigator ON investigations (investigator_id) WHERE investigator_id IS NOT NULL;

-- EPI-2: the places and times the investigator learnt in interviews (the timeline's editable entries).
CREATE TABLE investigation_entries (
  id uuid PRIMARY KEY,
  investigation_id uuid NOT NULL REFERENCES investigations (id),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  place text NOT NULL,
  from_at timestamptz NOT NULL,
  to_at timestamptz,
  activity text,
  people_met text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (to_at IS NULL OR to_at >= from_at)
);
CREATE INDEX investigation_entries_of ON investigation_entries (investigation_id, from_at);

-- EPI-2: exposures and likely sources of infection, with the evidence and how certain it is.
CREATE TABLE investigation_exposures (
  id uuid PRIMARY KEY,
  investigation_id uuid NOT NULL REFERENCES investigations (id),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  kind text NOT NULL CHECK (kind IN ('person', 'place', 'goods', 'travel', 'unknown')),
  description text NOT NULL,
  evidence text,
  certainty text NOT NULL CHECK (certainty IN ('confirmed', 'probable', 'possible')),
  likely_source boolean NOT NULL DEFAULT false,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX investigation_exposures_of ON investigation_exposures (investigation_id, created_at);

-- EPI-2 "人""物"同查 (002 §24): goods traced together with the people.
CREATE TABLE investigation_goods (
  id uuid PRIMARY KEY,
  investigation_id uuid NOT NULL REFERENCES investigations (id),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  item text NOT NULL,
  origin text,
  batch text,
  found_at_place text,
  sample_result text NOT NULL DEFAULT 'not_sampled'
    CHECK (sample_result IN ('not_sampled', 'pending', 'negative', 'positive')),
  note text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX investigation_goods_of ON investigation_goods (investigation_id, created_at);

ALTER TABLE investigations ENABLE ROW LEVEL SECURITY;
CREATE POLICY investigations_scope ON investigations
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON investigations TO fangkong_app;

ALTER TABLE investigation_entries ENABLE ROW LEVEL SECURITY;
CREATE POLICY investigation_entries_scope ON investigation_entries
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON investigation_entries TO fangkong_app;

ALTER TABLE investigation_exposures ENABLE ROW LEVEL SECURITY;
CREATE POLICY investigation_exposures_scope ON investigation_exposures
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON investigation_exposures TO fangkong_app;

ALTER TABLE investigation_goods ENABLE ROW LEVEL SECURITY;
CREATE POLICY investigation_goods_scope ON investigation_goods
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON investigation_goods TO fangkong_app;
