-- A public truck pre-report is a claim (DESIGN "Safe by default"): it waits, unverified, on the
-- destination community's list until staff confirm it with the consignee; only then is the escort
-- owed. A crew member who stays over becomes an arrival only after staff have matched them to a
-- person of their scope or chosen to register them (ARR-12).
ALTER TABLE truck_reports DROP CONSTRAINT truck_reports_status_check;
ALTER TABLE truck_reports ADD CONSTRAINT truck_reports_status_check CHECK (status IN
  ('unverified', 'reported', 'escorted', 'at_checkpoint', 'left', 'staying', 'rejected', 'cancelled'));
ALTER TABLE truck_reports
  ADD COLUMN verified_at timestamptz,
  ADD COLUMN verified_by uuid,
  -- Why a report ended without the truck: a rejected claim (duplicate, not genuine, a test) or a
  -- verified trip called off.
  ADD COLUMN end_reason text CHECK (end_reason IN ('duplicate', 'not_genuine', 'test', 'called_off')),
  ADD COLUMN end_note text,
  ADD COLUMN ended_at timestamptz,
  ADD COLUMN ended_by uuid;
-- Reports filed before claims were introduced were acted on at once: they count as verified.
UPDATE truck_reports SET verified_at = reported_at;

ALTER TABLE truck_report_crew
  ADD COLUMN match text CHECK (match IN ('existing', 'registered')),
  ADD COLUMN matched_at timestamptz,
  ADD COLUMN matched_by uuid;
UPDATE truck_report_crew SET match = 'existing' WHERE person_id IS NOT NULL;
