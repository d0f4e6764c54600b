-- Issue 12 Deliver 1 and 5, no silent arrivals: an arrival that no pack in force on its date governs
-- (no_pack), or that no protocol matches (no_protocol), waits on the CDC's review list like a coarse
-- origin (origin_review) until the CDC reclassifies it or decides (reviewed, with the reason).
ALTER TABLE arrivals DROP CONSTRAINT arrivals_status_check;
ALTER TABLE arrivals ADD CONSTRAINT arrivals_status_check
  CHECK (status IN ('registered', 'planned', 'no_protocol', 'released', 'origin_review', 'no_pack', 'reviewed'));

-- Why it waits, as found at registration or reclassification (reason, local arrival date, the pack
-- looked at and its dates of effect); and the CDC's decision when it settles one without a plan.
ALTER TABLE arrivals ADD COLUMN review_detail jsonb;
ALTER TABLE arrivals ADD COLUMN review_decision jsonb;

-- The review list: arrivals waiting for the CDC, by destination.
CREATE INDEX arrivals_review ON arrivals (jurisdiction_code, arrived_at DESC)
  WHERE status IN ('origin_review', 'no_protocol', 'no_pack');

-- ARR-8 / ARR-9 / ARR-10: a shortfall (no negative NAT in time, no green code) is the community's
-- task until a negative NAT is recorded for the person. A plan's NAT result is recorded by staff or
-- by a lab result on a sample linked to the plan (and carried over when a new version replaces the
-- plan); whichever way, a negative one closes the shortfall tasks of that arrival.
CREATE FUNCTION fangkong_close_arrival_shortfalls() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE deadlines d SET done_at = NEW.at, done_by = NEW.recorded_by, outcome = 'negative', updated_at = now()
  FROM arrival_plans p
  WHERE p.id = NEW.plan_id AND d.subject_type = 'arrival' AND d.subject_id = p.arrival_id
    AND d.kind LIKE 'shortfall:%' AND d.done_at IS NULL AND d.cancelled_at IS NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER arrival_plan_events_close_shortfalls AFTER INSERT ON arrival_plan_events
  FOR EACH ROW WHEN (NEW.result = 'negative' AND NEW.item LIKE 'test:nat:%')
  EXECUTE FUNCTION fangkong_close_arrival_shortfalls();
