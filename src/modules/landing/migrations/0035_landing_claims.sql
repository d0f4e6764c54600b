-- A landing-code report is a claim (DESIGN "Safe by default"): the public form stores what the
-- traveller said and nothing else. No person is found or registered, no arrival is planned, until
-- the community has verified the report and staff have matched it to a person or registered one.
-- So the report keeps the claimed identity (sealed like persons: encrypted, keyed hash, masked) and
-- the arrival's facts itself, and its person and arrival stay empty until the match.
ALTER TABLE landing_reports ALTER COLUMN arrival_id DROP NOT NULL;
ALTER TABLE landing_reports ALTER COLUMN person_id DROP NOT NULL;

ALTER TABLE landing_reports
  ADD COLUMN id_type text NOT NULL DEFAULT 'resident_id',
  ADD COLUMN id_cipher bytea,
  ADD COLUMN id_hash bytea,
  ADD COLUMN phone_cipher bytea,
  ADD COLUMN phone_hash bytea,
  ADD COLUMN origin text CHECK (origin IN ('domestic', 'overseas')),
  ADD COLUMN origin_division_code text COLLATE "C",
  ADD COLUMN origin_name text,
  ADD COLUMN origin_country text,
  ADD COLUMN left_origin_at timestamptz,
  ADD COLUMN arrived_at timestamptz,
  ADD COLUMN entered_at timestamptz,
  ADD COLUMN port_isolation_days int,
  ADD COLUMN home_isolation_conditions boolean,
  ADD COLUMN negative_nat_at timestamptz,
  -- How the verified claim was tied to a person: an existing record the staff chose among the
  -- candidates of their scope, or a person registered from the claim.
  ADD COLUMN match text CHECK (match IN ('existing', 'registered')),
  ADD COLUMN matched_at timestamptz,
  ADD COLUMN matched_by uuid,
  -- A claim set aside by the county's staff: reported twice, not a real arrival, a test.
  ADD COLUMN discard_reason text CHECK (discard_reason IN ('duplicate', 'not_genuine', 'test')),
  ADD COLUMN discard_note text,
  ADD COLUMN discarded_at timestamptz,
  ADD COLUMN discarded_by uuid;

-- Reports made before claims were introduced were attached at once: copy their facts and sealed
-- identifiers from the arrival and the person, and record the attachment as a match.
UPDATE landing_reports r SET
  id_type = p.id_type, id_cipher = p.id_cipher, id_hash = p.id_hash, phone_cipher = p.phone_cipher,
  phone_hash = p.phone_hash, origin = a.origin, origin_division_code = a.origin_division_code,
  origin_name = a.origin_name, origin_country = a.origin_country, left_origin_at = a.left_origin_at,
  arrived_at = a.arrived_at, entered_at = a.entered_at, port_isolation_days = a.port_isolation_days,
  home_isolation_conditions = a.home_isolation_conditions, negative_nat_at = a.negative_nat_at,
  match = 'existing', matched_at = r.submitted_at
FROM arrivals a, persons p
WHERE a.id = r.arrival_id AND p.id = r.person_id;

ALTER TABLE landing_reports
  ALTER COLUMN id_cipher SET NOT NULL,
  ALTER COLUMN id_hash SET NOT NULL,
  ALTER COLUMN origin SET NOT NULL,
  ALTER COLUMN left_origin_at SET NOT NULL,
  ALTER COLUMN arrived_at SET NOT NULL,
  ADD CONSTRAINT landing_reports_matched CHECK ((match IS NULL) = (arrival_id IS NULL)),
  ADD CONSTRAINT landing_reports_discard CHECK ((discard_reason IS NULL) = (discarded_at IS NULL));

-- A discarded claim is finished work: it no longer keeps the daily-clear board red (每日清零).
DROP INDEX landing_reports_open;
ALTER TABLE landing_reports DROP COLUMN cleared;
ALTER TABLE landing_reports ADD COLUMN cleared boolean GENERATED ALWAYS AS
  ((verified_at IS NOT NULL AND feedback_at IS NOT NULL) OR discarded_at IS NOT NULL) STORED;
CREATE INDEX landing_reports_open ON landing_reports (jurisdiction_code, submitted_at) WHERE NOT cleared;
-- The county's look queue (ARR-11): its oldest report not yet looked at.
CREATE INDEX landing_reports_unlooked ON landing_reports (jurisdiction_code, look_due_at) WHERE looked_at IS NULL;
-- Candidates for the match: other claims of the same ID number.
CREATE INDEX landing_reports_id_hash ON landing_reports (id_hash);
