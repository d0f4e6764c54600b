-- ARR-11 landing code (落地码): a traveller's self-report and the work it sets off — a look by the
-- county's designated staff within 30 minutes, a push to the destination community, person-by-person
-- verification and same-day feedback, so that every day's reports are cleared (每日清零).
CREATE TABLE landing_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Short and human: read out on the phone, written on a form.
  receipt text COLLATE "C" NOT NULL UNIQUE,
  -- The destination community: it verifies the person, and owns the record.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  -- The county or city whose QR code the traveller scanned.
  landing_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  arrival_id uuid NOT NULL REFERENCES arrivals (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  -- As reported, for the queue: the person may be registered in another county, out of the staff's
  -- sight; identifiers only masked (the full ones stay sealed in persons).
  person_name text NOT NULL,
  id_masked text NOT NULL,
  phone_masked text,
  -- Keyed hash of landing code, ID number and arrival time: a re-submit finds the first report.
  dedupe_hash bytea NOT NULL,
  address text NOT NULL,
  itinerary_star boolean NOT NULL DEFAULT false,
  truck_driver boolean NOT NULL DEFAULT false,
  -- Staff who took the report on the traveller's behalf (hotline, no smartphone); null: self-report.
  entered_by uuid,
  submitted_at timestamptz NOT NULL,
  look_due_at timestamptz NOT NULL,
  looked_at timestamptz,
  looked_by uuid,
  pushed_at timestamptz,
  pushed_to text COLLATE "C",
  pushed_by uuid,
  verify_due_at timestamptz,
  verification text CHECK (verification IN ('found', 'not_found', 'wrong_address', 'moved_on')),
  verification_note text,
  verified_at timestamptz,
  verified_by uuid,
  -- Same-day feedback of the testing and control state (当日反馈检测管控情况).
  feedback_measures text[],
  feedback_note text,
  feedback_at timestamptz,
  feedback_by uuid,
  cleared boolean GENERATED ALWAYS AS (verified_at IS NOT NULL AND feedback_at IS NOT NULL) STORED,
  UNIQUE (landing_code, dedupe_hash)
);
CREATE INDEX landing_reports_jurisdiction ON landing_reports (jurisdiction_code, submitted_at);
CREATE INDEX landing_reports_open ON landing_reports (jurisdiction_code, submitted_at) WHERE NOT cleared;
CREATE INDEX landing_reports_arrival ON landing_reports (arrival_id);

ALTER TABLE landing_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY landing_reports_scope ON landing_reports
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON landing_reports TO fangkong_app;
