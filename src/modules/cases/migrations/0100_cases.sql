-- Case records (CAS-1): the infectious-disease report card (传染病报告卡) of a suspected case, a
-- confirmed case or an asymptomatic infection, linked to the person and to the result that found
-- them. The cases module owns this table; hospitals, the bulletin and tracing read it through the
-- module's service. Times are instants; the card's local days are computed in the jurisdiction's zone.
CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Where the case is managed (the person's jurisdiction when reported): scope and figures follow it.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  -- CAS-1 classes; every change is kept in the module's history table.
  classification text NOT NULL CHECK (classification IN ('suspected', 'confirmed', 'asymptomatic')),
  -- Clinical severity of a confirmed case (轻型、普通型、重型、危重型); none for the others.
  severity text CHECK (severity IN ('mild', 'moderate', 'severe', 'critical')),
  -- A local case opens CAS-5's next-day press conference; an imported one does not.
  origin text NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'imported')),
  -- The report's review by the CDC (CAS-2): reported → reviewed, or discarded (排除) with a reason.
  status text NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'reviewed', 'discarded')),
  onset_at timestamptz,
  sampled_at timestamptz,
  -- When the reporting institution found the case (a positive result's time, a diagnosis): CAS-2's
  -- 2 hours run from here to reported_at.
  found_at timestamptz NOT NULL,
  reported_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  reporting_institution text NOT NULL,
  reporting_doctor text NOT NULL,
  exposure_summary text,
  current_location text,
  -- The positive result that found the case, when a lab result did.
  tube_id uuid REFERENCES tubes (id),
  reported_by uuid NOT NULL,
  reviewed_by uuid,
  reviewed_at timestamptz,
  review_note text,
  discarded_at timestamptz,
  discard_reason text,
  version int NOT NULL DEFAULT 1,
  CHECK (reported_at >= found_at),
  CHECK (severity IS NULL OR classification = 'confirmed'),
  CHECK ((status = 'discarded') = (discarded_at IS NOT NULL AND discard_reason IS NOT NULL))
);
-- One open case per person: a second report of the same person updates the first.
CREATE UNIQUE INDEX cases_one_open_per_person ON cases (person_id) WHERE status <> 'discarded';
CREATE INDEX cases_list ON cases (jurisdiction_code, reported_at DESC);
CREATE INDEX cases_tube ON cases (tube_id) WHERE tube_id IS NOT NULL;

ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY cases_scope ON cases
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON cases TO fangkong_app;
