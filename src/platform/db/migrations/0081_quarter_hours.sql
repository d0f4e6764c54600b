-- Issue 13 Deliver 7: counters kept as writes happen count by quarter hour, aligned on UTC. Every
-- zone's offset is a whole number of quarter hours, so a local day of any jurisdiction's zone is
-- exactly the quarter hours from its local midnight to the next: the dashboard reads "today" and
-- each day of its trend in the jurisdiction's own zone from counters that know no zone.
CREATE FUNCTION fangkong_quarter_hour(instant timestamptz) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT date_bin('15 minutes', instant, timestamptz '2000-01-01 00:00:00+00') $$;
