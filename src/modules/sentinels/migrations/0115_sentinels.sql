-- Sentinel feeds (MON-1, MON-3, MON-5): the sites that report, and the four feeds they send —
-- fever-clinic visits, school daily absence (with zero reports), environment and goods samples, and
-- influenza-like illness / unexplained pneumonia counts. The sentinels module owns these tables; the
-- alerts module reads them only through the daily series in signals.ts (MON-4). Every feed row
-- carries its site's jurisdiction and a time column (visited_at, day, sampled_at) so that the tables
-- can later be partitioned by time, and indexes lead with (jurisdiction_code, time) for the signals.

-- The registry of sentinel sites: fever clinics, schools, hospitals, farmers' markets, cold-chain
-- places and ports. A site is named uniquely within its jurisdiction; imports name a site by name.
CREATE TABLE sentinel_sites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  kind text NOT NULL CHECK (kind IN ('fever_clinic', 'school', 'hospital', 'market', 'cold_chain', 'port')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- Schools: pupils enrolled, the default of a daily report.
  enrolled int CHECK (enrolled IS NULL OR enrolled >= 0),
  -- MON-3: the place must send an environment sample every week (hospitals with fever clinics,
  -- farmers' markets, cold-chain places).
  weekly_sample boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (jurisdiction_code, name)
);
CREATE INDEX sentinel_sites_kind ON sentinel_sites (kind, jurisdiction_code);

-- MON-1: one visit to a fever clinic as triage records it; visit_no is the clinic's registration
-- number (the natural key a re-sent feed repeats).
CREATE TABLE sentinel_fever_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  site_id uuid NOT NULL REFERENCES sentinel_sites (id),
  visit_no text NOT NULL CHECK (length(visit_no) BETWEEN 1 AND 40),
  visited_at timestamptz NOT NULL,
  temperature numeric(3, 1) NOT NULL CHECK (temperature BETWEEN 34 AND 43),
  symptoms text[] NOT NULL DEFAULT '{}',
  nat_sampled boolean NOT NULL,
  disposition text NOT NULL CHECK (disposition IN ('home', 'observation', 'admitted', 'transferred')),
  -- The patient, when the clinic identified them (the persons registry holds the personal data).
  person_id uuid REFERENCES persons (id),
  reported_by uuid,
  reported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, visit_no)
);
CREATE INDEX sentinel_fever_visits_series ON sentinel_fever_visits (jurisdiction_code, visited_at);

-- School morning/noon checks (晨午检) and absence for illness (因病缺课), one report per school and
-- day; a report with no absence for illness and no symptoms is the zero report (零报告).
CREATE TABLE sentinel_school_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  site_id uuid NOT NULL REFERENCES sentinel_sites (id),
  day date NOT NULL,
  enrolled int NOT NULL CHECK (enrolled >= 0),
  absent int NOT NULL CHECK (absent >= 0),
  absent_illness int NOT NULL CHECK (absent_illness >= 0),
  fever int NOT NULL CHECK (fever >= 0),
  respiratory int NOT NULL CHECK (respiratory >= 0),
  reported_by uuid,
  reported_at timestamptz NOT NULL DEFAULT now(),
  CHECK (absent <= enrolled AND absent_illness <= absent),
  UNIQUE (site_id, day)
);
CREATE INDEX sentinel_school_reports_series ON sentinel_school_reports (jurisdiction_code, day);

-- MON-3: environment swabs and imported goods tested on arrival, with their result.
CREATE TABLE sentinel_samples (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  site_id uuid NOT NULL REFERENCES sentinel_sites (id),
  sample_no text NOT NULL CHECK (length(sample_no) BETWEEN 1 AND 40),
  kind text NOT NULL CHECK (kind IN ('environment', 'goods')),
  item text NOT NULL CHECK (length(item) BETWEEN 1 AND 100),
  sampled_at timestamptz NOT NULL,
  result text NOT NULL CHECK (result IN ('pending', 'negative', 'positive')),
  resulted_at timestamptz,
  reported_by uuid,
  reported_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((result = 'pending') = (resulted_at IS NULL)),
  CHECK (resulted_at IS NULL OR resulted_at >= sampled_at),
  UNIQUE (site_id, sample_no)
);
CREATE INDEX sentinel_samples_series ON sentinel_samples (jurisdiction_code, sampled_at);
CREATE INDEX sentinel_samples_positive ON sentinel_samples (jurisdiction_code, resulted_at) WHERE result = 'positive';

-- MON-5 (多病共防): a reporting hospital's daily influenza-like illness and unexplained pneumonia counts.
CREATE TABLE sentinel_ili_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  site_id uuid NOT NULL REFERENCES sentinel_sites (id),
  day date NOT NULL,
  ili_visits int NOT NULL CHECK (ili_visits >= 0),
  total_visits int NOT NULL CHECK (total_visits >= 0),
  pneumonia_cases int NOT NULL CHECK (pneumonia_cases >= 0),
  reported_by uuid,
  reported_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ili_visits <= total_visits),
  UNIQUE (site_id, day)
);
CREATE INDEX sentinel_ili_reports_series ON sentinel_ili_reports (jurisdiction_code, day);

ALTER TABLE sentinel_sites ENABLE ROW LEVEL SECURITY;
CREATE POLICY sentinel_sites_scope ON sentinel_sites
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
ALTER TABLE sentinel_fever_visits ENABLE ROW LEVEL SECURITY;
CREATE POLICY sentinel_fever_visits_scope ON sentinel_fever_visits
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
ALTER TABLE sentinel_school_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY sentinel_school_reports_scope ON sentinel_school_reports
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
ALTER TABLE sentinel_samples ENABLE ROW LEVEL SECURITY;
CREATE POLICY sentinel_samples_scope ON sentinel_samples
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
ALTER TABLE sentinel_ili_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY sentinel_ili_reports_scope ON sentinel_ili_reports
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));

GRANT SELECT, INSERT, UPDATE ON sentinel_sites, sentinel_fever_visits, sentinel_school_reports,
  sentinel_samples, sentinel_ili_reports TO fangkong_app;
