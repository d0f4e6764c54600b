-- Issue 13 Deliver 7: tubes resulted per jurisdiction (the sampling site's), lab, quarter hour
-- (platform migration 0081), pooled or single, result and turnaround, kept as writes happen. The
-- dashboard reads positives per local day (pools and single tubes) and the labs' results of today,
-- on time or late (TST-2), from them instead of reading every tube of a campaign under row-level
-- security. A result written, corrected (TST-3) or removed moves its tube between counters; the
-- statement-level triggers see every path (lab files, single results, bulk loads).
CREATE TABLE tube_result_counts (
  jurisdiction_code text COLLATE "C" NOT NULL,
  -- The lab that posted the result; the nil uuid for a result without one.
  lab_id uuid NOT NULL,
  slot timestamptz NOT NULL,
  pooled boolean NOT NULL,
  result text NOT NULL,
  -- TST-2: resulted by the tube's due time.
  on_time boolean NOT NULL,
  tubes int NOT NULL,
  PRIMARY KEY (jurisdiction_code, slot, lab_id, pooled, result, on_time)
);
-- A wide subtree's recent days, and a lab's results of the day, read by time first.
CREATE INDEX tube_result_counts_slot ON tube_result_counts (slot, lab_id);

-- Added, removed, and updates netted per key: only tubes with a result count, so a statement that
-- fills or seals an open tube (most updates of tubes) finds nothing to add. Keys upserted in order.
CREATE FUNCTION fangkong_tube_result_counts_added() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO tube_result_counts AS c (jurisdiction_code, lab_id, slot, pooled, result, on_time, tubes)
  SELECT jurisdiction_code, coalesce(lab_id, '00000000-0000-0000-0000-000000000000'),
    fangkong_quarter_hour(resulted_at), capacity > 1, result, resulted_at <= due_at, count(*)
  FROM new_tubes WHERE result IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 3, 2, 4, 5, 6
  ON CONFLICT (jurisdiction_code, slot, lab_id, pooled, result, on_time)
    DO UPDATE SET tubes = c.tubes + excluded.tubes;
  RETURN NULL;
END $$;
CREATE TRIGGER tubes_counted_insert AFTER INSERT ON tubes
  REFERENCING NEW TABLE AS new_tubes FOR EACH STATEMENT EXECUTE FUNCTION fangkong_tube_result_counts_added();

CREATE FUNCTION fangkong_tube_result_counts_removed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE tube_result_counts c SET tubes = c.tubes - d.n
  FROM (SELECT jurisdiction_code, coalesce(lab_id, '00000000-0000-0000-0000-000000000000') AS lab_id,
          fangkong_quarter_hour(resulted_at) AS slot, capacity > 1 AS pooled, result,
          resulted_at <= due_at AS on_time, count(*) AS n
        FROM old_tubes WHERE result IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 3, 2, 4, 5, 6) d
  WHERE c.jurisdiction_code = d.jurisdiction_code AND c.slot = d.slot AND c.lab_id = d.lab_id
    AND c.pooled = d.pooled AND c.result = d.result AND c.on_time = d.on_time;
  RETURN NULL;
END $$;
CREATE TRIGGER tubes_counted_delete AFTER DELETE ON tubes
  REFERENCING OLD TABLE AS old_tubes FOR EACH STATEMENT EXECUTE FUNCTION fangkong_tube_result_counts_removed();

CREATE FUNCTION fangkong_tube_result_counts_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO tube_result_counts AS c (jurisdiction_code, lab_id, slot, pooled, result, on_time, tubes)
  SELECT code, lab, slot, pooled, result, on_time, sum(delta) FROM (
    SELECT jurisdiction_code AS code, coalesce(lab_id, '00000000-0000-0000-0000-000000000000') AS lab,
      fangkong_quarter_hour(resulted_at) AS slot, capacity > 1 AS pooled, result,
      resulted_at <= due_at AS on_time, -1 AS delta
    FROM old_tubes WHERE result IS NOT NULL
    UNION ALL
    SELECT jurisdiction_code, coalesce(lab_id, '00000000-0000-0000-0000-000000000000'),
      fangkong_quarter_hour(resulted_at), capacity > 1, result, resulted_at <= due_at, 1
    FROM new_tubes WHERE result IS NOT NULL
  ) changes
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(delta) <> 0 ORDER BY 1, 3, 2, 4, 5, 6
  ON CONFLICT (jurisdiction_code, slot, lab_id, pooled, result, on_time)
    DO UPDATE SET tubes = c.tubes + excluded.tubes;
  RETURN NULL;
END $$;
CREATE TRIGGER tubes_counted_update AFTER UPDATE ON tubes
  REFERENCING OLD TABLE AS old_tubes NEW TABLE AS new_tubes
  FOR EACH STATEMENT EXECUTE FUNCTION fangkong_tube_result_counts_changed();

CREATE FUNCTION fangkong_tube_result_counts_truncated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM tube_result_counts;
  RETURN NULL;
END $$;
CREATE TRIGGER tubes_counted_truncate AFTER TRUNCATE ON tubes
  FOR EACH STATEMENT EXECUTE FUNCTION fangkong_tube_result_counts_truncated();

INSERT INTO tube_result_counts (jurisdiction_code, lab_id, slot, pooled, result, on_time, tubes)
SELECT jurisdiction_code, coalesce(lab_id, '00000000-0000-0000-0000-000000000000'),
  fangkong_quarter_hour(resulted_at), capacity > 1, result, resulted_at <= due_at, count(*)
FROM tubes WHERE result IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6;

-- Read in the caller's scope, like the tubes they count; written only by the triggers above.
ALTER TABLE tube_result_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tube_result_counts_scope ON tube_result_counts
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT ON tube_result_counts TO fangkong_app;

-- TST-2 overdue tubes of a subtree: the open ones (no result yet) by due time, a few thousand at
-- most, instead of every tube the subtree ever sampled.
CREATE INDEX tubes_open_due ON tubes (jurisdiction_code, due_at) WHERE result IS NULL;
