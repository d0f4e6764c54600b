-- Issue 13 Deliver 7: people under control after a positive (TST-1) per jurisdiction and reason,
-- kept as writes happen, so the dashboard sums counter rows instead of counting controls under
-- row-level security on every read. A control counts while it is open (not cleared); clearing it
-- (a negative re-test, a corrected result) takes it off. Statement-level triggers see every path.
CREATE TABLE control_counts (
  jurisdiction_code text COLLATE "C" NOT NULL,
  reason text NOT NULL,
  controls int NOT NULL,
  PRIMARY KEY (jurisdiction_code, reason)
);

-- Added, removed, and updates netted per key; keys upserted in order (no deadlock between two).
CREATE FUNCTION fangkong_control_counts_added() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO control_counts AS c (jurisdiction_code, reason, controls)
  SELECT jurisdiction_code, reason, count(*) FROM new_controls WHERE cleared_at IS NULL
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (jurisdiction_code, reason) DO UPDATE SET controls = c.controls + excluded.controls;
  RETURN NULL;
END $$;
CREATE TRIGGER person_controls_counted_insert AFTER INSERT ON person_controls
  REFERENCING NEW TABLE AS new_controls FOR EACH STATEMENT EXECUTE FUNCTION fangkong_control_counts_added();

CREATE FUNCTION fangkong_control_counts_removed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE control_counts c SET controls = c.controls - d.n
  FROM (SELECT jurisdiction_code, reason, count(*) AS n FROM old_controls WHERE cleared_at IS NULL
        GROUP BY 1, 2 ORDER BY 1, 2) d
  WHERE c.jurisdiction_code = d.jurisdiction_code AND c.reason = d.reason;
  RETURN NULL;
END $$;
CREATE TRIGGER person_controls_counted_delete AFTER DELETE ON person_controls
  REFERENCING OLD TABLE AS old_controls FOR EACH STATEMENT EXECUTE FUNCTION fangkong_control_counts_removed();

CREATE FUNCTION fangkong_control_counts_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO control_counts AS c (jurisdiction_code, reason, controls)
  SELECT code, reason, sum(delta) FROM (
    SELECT jurisdiction_code AS code, reason, -1 AS delta FROM old_controls WHERE cleared_at IS NULL
    UNION ALL
    SELECT jurisdiction_code, reason, 1 FROM new_controls WHERE cleared_at IS NULL
  ) changes
  GROUP BY 1, 2 HAVING sum(delta) <> 0 ORDER BY 1, 2
  ON CONFLICT (jurisdiction_code, reason) DO UPDATE SET controls = c.controls + excluded.controls;
  RETURN NULL;
END $$;
CREATE TRIGGER person_controls_counted_update AFTER UPDATE ON person_controls
  REFERENCING OLD TABLE AS old_controls NEW TABLE AS new_controls
  FOR EACH STATEMENT EXECUTE FUNCTION fangkong_control_counts_changed();

CREATE FUNCTION fangkong_control_counts_truncated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM control_counts;
  RETURN NULL;
END $$;
CREATE TRIGGER person_controls_counted_truncate AFTER TRUNCATE ON person_controls
  FOR EACH STATEMENT EXECUTE FUNCTION fangkong_control_counts_truncated();

INSERT INTO control_counts (jurisdiction_code, reason, controls)
SELECT jurisdiction_code, reason, count(*) FROM person_controls WHERE cleared_at IS NULL GROUP BY 1, 2;

-- Read in the caller's scope, like the controls they count; written only by the triggers above.
ALTER TABLE control_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY control_counts_scope ON control_counts
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT ON control_counts TO fangkong_app;
