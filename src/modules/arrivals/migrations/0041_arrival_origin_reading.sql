-- B7: what the registry knew of an origin reported only to a level (a district) that holds a
-- finer published area, and the HQ's whole-division override over it, so that a plan made again
-- (a new pack version, a reclassification) reads the same facts.
ALTER TABLE arrivals ADD COLUMN origin_finer_risk text
  CHECK (origin_finer_risk IN ('high', 'medium', 'low', 'key_concern'));
ALTER TABLE arrivals ADD COLUMN origin_override_name text;

-- B7: a pack may send such an arrival to the CDC, who establish where the person was before any
-- plan is made (status origin_review until they reclassify it).
ALTER TABLE arrivals DROP CONSTRAINT arrivals_status_check;
ALTER TABLE arrivals ADD CONSTRAINT arrivals_status_check
  CHECK (status IN ('registered', 'planned', 'no_protocol', 'released', 'origin_review'));
