-- Issue 13 Deliver 7: arrivals per destination, quarter hour, channel and origin risk, kept as
-- writes happen, so the dashboard sums a few counter rows instead of counting arrivals under
-- row-level security on every read. By quarter hour (platform migration 0081), so that "today" is
-- read in the jurisdiction's own zone.
-- Statement-level triggers with transition tables see every path that writes arrivals (single
-- registrations, push lists, landing codes, trucks, reclassification, bulk loads).
CREATE TABLE arrival_counts (
  jurisdiction_code text COLLATE "C" NOT NULL,
  slot timestamptz NOT NULL,
  channel text NOT NULL,
  -- The origin's risk level as registered; 'none' for an origin without one (overseas, unknown).
  risk text NOT NULL,
  arrivals int NOT NULL,
  PRIMARY KEY (jurisdiction_code, slot, channel, risk)
);
-- A wide subtree's recent days (a county, a city) read by time first.
CREATE INDEX arrival_counts_slot ON arrival_counts (slot);

-- Added rows, removed rows, and updates netted per key: minus the rows as they were, plus the rows
-- as they are, so that an update that changes no key (a status, a review) writes nothing. Keys are
-- upserted in order, so two statements touching the same counters lock them in the same order.
CREATE FUNCTION fangkong_arrival_counts_added() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO arrival_counts AS c (jurisdiction_code, slot, channel, risk, arrivals)
  SELECT jurisdiction_code, fangkong_quarter_hour(arrived_at), channel, coalesce(origin_risk, 'none'), count(*)
  FROM new_arrivals GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (jurisdiction_code, slot, channel, risk) DO UPDATE SET arrivals = c.arrivals + excluded.arrivals;
  RETURN NULL;
END $$;
CREATE TRIGGER arrivals_counted_insert AFTER INSERT ON arrivals
  REFERENCING NEW TABLE AS new_arrivals FOR EACH STATEMENT EXECUTE FUNCTION fangkong_arrival_counts_added();

CREATE FUNCTION fangkong_arrival_counts_removed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE arrival_counts c SET arrivals = c.arrivals - d.n
  FROM (SELECT jurisdiction_code, fangkong_quarter_hour(arrived_at) AS slot, channel,
          coalesce(origin_risk, 'none') AS risk, count(*) AS n
        FROM old_arrivals GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4) d
  WHERE c.jurisdiction_code = d.jurisdiction_code AND c.slot = d.slot AND c.channel = d.channel AND c.risk = d.risk;
  RETURN NULL;
END $$;
CREATE TRIGGER arrivals_counted_delete AFTER DELETE ON arrivals
  REFERENCING OLD TABLE AS old_arrivals FOR EACH STATEMENT EXECUTE FUNCTION fangkong_arrival_counts_removed();

CREATE FUNCTION fangkong_arrival_counts_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO arrival_counts AS c (jurisdiction_code, slot, channel, risk, arrivals)
  SELECT code, slot, channel, risk, sum(delta) FROM (
    SELECT jurisdiction_code AS code, fangkong_quarter_hour(arrived_at) AS slot, channel,
      coalesce(origin_risk, 'none') AS risk, -1 AS delta
    FROM old_arrivals
    UNION ALL
    SELECT jurisdiction_code, fangkong_quarter_hour(arrived_at), channel, coalesce(origin_risk, 'none'), 1
    FROM new_arrivals
  ) changes
  GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (jurisdiction_code, slot, channel, risk) DO UPDATE SET arrivals = c.arrivals + excluded.arrivals;
  RETURN NULL;
END $$;
CREATE TRIGGER arrivals_counted_update AFTER UPDATE ON arrivals
  REFERENCING OLD TABLE AS old_arrivals NEW TABLE AS new_arrivals
  FOR EACH STATEMENT EXECUTE FUNCTION fangkong_arrival_counts_changed();

CREATE FUNCTION fangkong_arrival_counts_truncated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM arrival_counts;
  RETURN NULL;
END $$;
CREATE TRIGGER arrivals_counted_truncate AFTER TRUNCATE ON arrivals
  FOR EACH STATEMENT EXECUTE FUNCTION fangkong_arrival_counts_truncated();

INSERT INTO arrival_counts (jurisdiction_code, slot, channel, risk, arrivals)
SELECT jurisdiction_code, fangkong_quarter_hour(arrived_at), channel, coalesce(origin_risk, 'none'), count(*)
FROM arrivals GROUP BY 1, 2, 3, 4;

-- Read in the caller's scope, like the arrivals they count; written only by the triggers above.
ALTER TABLE arrival_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY arrival_counts_scope ON arrival_counts
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT ON arrival_counts TO fangkong_app;
