-- Issue 13 Deliver 7: open obligations counted as writes happen, so that the dashboard's overdue and
-- escalated work of a county is a sum of counter rows, not the rule evaluated over every open item
-- of the county on each read. Both states depend on the moment judged at, so the counters keep the
-- instants instead of the states: an open item is overdue once `now` passes its due time, and it
-- has climbed to an ancestor level once `now` reaches the instant it gets there. Items due or
-- climbing at the same instant (a plan's tests due at local midnight) share a row.
--
-- The instants are those of src/platform/deadlines/sql.ts (escalatedIntoCondition), which states
-- src/rules/deadlines.ts in SQL: the escalation period is the item's own, else its window between
-- 30 minutes (ESCALATE_AFTER_FLOOR_MS) and 24 hours (ESCALATE_AFTER_CAP_MS); the climb starts at
-- the later of its due time and one period after it was opened; it reaches the level just above its
-- owner right after the climb start (strictly later), and each further level one period later.
-- Levels are the code lengths of JURISDICTION_CODE_LENGTHS. A test holds both equal.

-- Open items per owner jurisdiction and due time.
CREATE TABLE deadline_due_counts (
  jurisdiction_code text COLLATE "C" NOT NULL,
  due_at timestamptz NOT NULL,
  items int NOT NULL,
  PRIMARY KEY (jurisdiction_code, due_at)
);

-- Open items per owner jurisdiction, ancestor level (its code length) and the instant they reach it;
-- `strict` for the level just above the owner, reached only after that instant.
CREATE TABLE deadline_climb_counts (
  level int NOT NULL,
  jurisdiction_code text COLLATE "C" NOT NULL,
  reached_at timestamptz NOT NULL,
  strict boolean NOT NULL,
  items int NOT NULL,
  PRIMARY KEY (level, jurisdiction_code, reached_at, strict)
);

-- The ancestor levels an item owned at `code` climbs to, and when it reaches each.
CREATE FUNCTION fangkong_deadline_climbs(code text, opened timestamptz, due timestamptz, every int)
    RETURNS TABLE (level int, reached_at timestamptz, strict boolean)
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    WITH period AS (
      SELECT coalesce(every, greatest(1800, least(86400, extract(epoch FROM due - opened)))) AS seconds
    ), start AS (
      SELECT greatest(due, opened + p.seconds * interval '1 second') AS at, p.seconds FROM period p
    ), levels AS (
      SELECT l AS level, (SELECT count(*)::int FROM unnest(ARRAY[2, 4, 6, 9, 12, 15]) AS s
        WHERE s > l AND s < length(code)) AS between_levels
      FROM unnest(ARRAY[2, 4, 6, 9, 12]) AS l WHERE l < length(code)
    )
    SELECT v.level, s.at + v.between_levels * s.seconds * interval '1 second', v.between_levels = 0
    FROM levels v CROSS JOIN start s
  $$;

-- Adds signed changes (one per open item, as it was −1 or as it is +1) to both counters, netted per
-- key and in key order, so two statements lock the same counters in the same order; then drops the
-- counter rows the change brought to zero, so that only open items' instants are kept.
CREATE FUNCTION fangkong_deadline_counts_add(codes text[], opened timestamptz[], due timestamptz[],
    every int[], delta int[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO deadline_due_counts AS c (jurisdiction_code, due_at, items)
  SELECT x.code, x.due, sum(x.delta) FROM unnest(codes, due, delta) AS x (code, due, delta)
  GROUP BY 1, 2 HAVING sum(x.delta) <> 0 ORDER BY 1, 2
  ON CONFLICT (jurisdiction_code, due_at) DO UPDATE SET items = c.items + excluded.items;
  DELETE FROM deadline_due_counts c USING unnest(codes, due) AS x (code, due)
  WHERE c.jurisdiction_code = x.code AND c.due_at = x.due AND c.items = 0;

  INSERT INTO deadline_climb_counts AS c (level, jurisdiction_code, reached_at, strict, items)
  SELECT l.level, x.code, l.reached_at, l.strict, sum(x.delta)
  FROM unnest(codes, opened, due, every, delta) AS x (code, opened, due, every, delta)
  CROSS JOIN LATERAL fangkong_deadline_climbs(x.code, x.opened, x.due, x.every) l
  GROUP BY 1, 2, 3, 4 HAVING sum(x.delta) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (level, jurisdiction_code, reached_at, strict) DO UPDATE SET items = c.items + excluded.items;
  DELETE FROM deadline_climb_counts c USING unnest(codes, opened, due, every) AS x (code, opened, due, every)
  CROSS JOIN LATERAL fangkong_deadline_climbs(x.code, x.opened, x.due, x.every) l
  WHERE c.level = l.level AND c.jurisdiction_code = x.code AND c.reached_at = l.reached_at
    AND c.strict = l.strict AND c.items = 0;
END $$;

CREATE FUNCTION fangkong_deadline_counts_added() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM fangkong_deadline_counts_add(array_agg(jurisdiction_code), array_agg(opened_at), array_agg(due_at),
    array_agg(escalate_after_seconds), array_agg(1))
  FROM new_deadlines WHERE done_at IS NULL AND cancelled_at IS NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER deadlines_counted_insert AFTER INSERT ON deadlines
  REFERENCING NEW TABLE AS new_deadlines FOR EACH STATEMENT EXECUTE FUNCTION fangkong_deadline_counts_added();

CREATE FUNCTION fangkong_deadline_counts_removed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM fangkong_deadline_counts_add(array_agg(jurisdiction_code), array_agg(opened_at), array_agg(due_at),
    array_agg(escalate_after_seconds), array_agg(-1))
  FROM old_deadlines WHERE done_at IS NULL AND cancelled_at IS NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER deadlines_counted_delete AFTER DELETE ON deadlines
  REFERENCING OLD TABLE AS old_deadlines FOR EACH STATEMENT EXECUTE FUNCTION fangkong_deadline_counts_removed();

-- An item closed (done, cancelled) leaves; reopened or moved (a catch-up's due time) it moves.
CREATE FUNCTION fangkong_deadline_counts_updated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM fangkong_deadline_counts_add(array_agg(code), array_agg(opened), array_agg(due), array_agg(every),
    array_agg(delta))
  FROM (
    SELECT jurisdiction_code AS code, opened_at AS opened, due_at AS due, escalate_after_seconds AS every, -1 AS delta
    FROM old_deadlines WHERE done_at IS NULL AND cancelled_at IS NULL
    UNION ALL
    SELECT jurisdiction_code, opened_at, due_at, escalate_after_seconds, 1
    FROM new_deadlines WHERE done_at IS NULL AND cancelled_at IS NULL
  ) changes;
  RETURN NULL;
END $$;
CREATE TRIGGER deadlines_counted_update AFTER UPDATE ON deadlines
  REFERENCING OLD TABLE AS old_deadlines NEW TABLE AS new_deadlines
  FOR EACH STATEMENT EXECUTE FUNCTION fangkong_deadline_counts_updated();

CREATE FUNCTION fangkong_deadline_counts_truncated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM deadline_due_counts;
  DELETE FROM deadline_climb_counts;
  RETURN NULL;
END $$;
CREATE TRIGGER deadlines_counted_truncate AFTER TRUNCATE ON deadlines
  FOR EACH STATEMENT EXECUTE FUNCTION fangkong_deadline_counts_truncated();

SELECT fangkong_deadline_counts_add(array_agg(jurisdiction_code), array_agg(opened_at), array_agg(due_at),
  array_agg(escalate_after_seconds), array_agg(1))
FROM deadlines WHERE done_at IS NULL AND cancelled_at IS NULL;

-- Read in the caller's scope, like the obligations they count; written only by the triggers above.
ALTER TABLE deadline_due_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY deadline_due_counts_scope ON deadline_due_counts
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT ON deadline_due_counts TO fangkong_app;
ALTER TABLE deadline_climb_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY deadline_climb_counts_scope ON deadline_climb_counts
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT ON deadline_climb_counts TO fangkong_app;
