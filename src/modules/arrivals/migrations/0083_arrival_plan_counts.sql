-- Issue 13 Deliver 7: people under control by their arrival plans, kept as writes happen. An
-- arrival is under control (item 21, arrivalStatusSql) while its active plan has phases and the
-- local date in the plan's zone is not past the plan's release date; so the counters are active
-- plans with phases per jurisdiction, zone and release date, and the dashboard adds those whose
-- release date is today or later where they are. A plan superseded, completed on release or ended
-- on leaving leaves its counter as its status changes (statement-level triggers see every path).
CREATE TABLE arrival_plan_counts (
  jurisdiction_code text COLLATE "C" NOT NULL,
  time_zone text NOT NULL,
  release_date date NOT NULL,
  plans int NOT NULL,
  PRIMARY KEY (jurisdiction_code, release_date, time_zone)
);
-- A wide subtree's plans still running: by release date first.
CREATE INDEX arrival_plan_counts_release ON arrival_plan_counts (release_date);

-- Added plans, removed plans, and updates netted per key (a plan is counted while active with
-- phases). Keys are upserted in order, so two statements lock the same counters in the same order.
CREATE FUNCTION fangkong_arrival_plan_counts_added() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO arrival_plan_counts AS c (jurisdiction_code, time_zone, release_date, plans)
  SELECT jurisdiction_code, plan ->> 'timeZone', release_date, count(*)
  FROM new_plans WHERE status = 'active' AND jsonb_array_length(plan -> 'phases') > 0
  GROUP BY 1, 2, 3 ORDER BY 1, 3, 2
  ON CONFLICT (jurisdiction_code, release_date, time_zone) DO UPDATE SET plans = c.plans + excluded.plans;
  RETURN NULL;
END $$;
CREATE TRIGGER arrival_plans_counted_insert AFTER INSERT ON arrival_plans
  REFERENCING NEW TABLE AS new_plans FOR EACH STATEMENT EXECUTE FUNCTION fangkong_arrival_plan_counts_added();

CREATE FUNCTION fangkong_arrival_plan_counts_removed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE arrival_plan_counts c SET plans = c.plans - d.n
  FROM (SELECT jurisdiction_code, plan ->> 'timeZone' AS time_zone, release_date, count(*) AS n
        FROM old_plans WHERE status = 'active' AND jsonb_array_length(plan -> 'phases') > 0
        GROUP BY 1, 2, 3 ORDER BY 1, 3, 2) d
  WHERE c.jurisdiction_code = d.jurisdiction_code AND c.release_date = d.release_date
    AND c.time_zone = d.time_zone;
  RETURN NULL;
END $$;
CREATE TRIGGER arrival_plans_counted_delete AFTER DELETE ON arrival_plans
  REFERENCING OLD TABLE AS old_plans FOR EACH STATEMENT EXECUTE FUNCTION fangkong_arrival_plan_counts_removed();

CREATE FUNCTION fangkong_arrival_plan_counts_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO arrival_plan_counts AS c (jurisdiction_code, time_zone, release_date, plans)
  SELECT code, zone, release_date, sum(delta) FROM (
    SELECT jurisdiction_code AS code, plan ->> 'timeZone' AS zone, release_date, -1 AS delta
    FROM old_plans WHERE status = 'active' AND jsonb_array_length(plan -> 'phases') > 0
    UNION ALL
    SELECT jurisdiction_code, plan ->> 'timeZone', release_date, 1
    FROM new_plans WHERE status = 'active' AND jsonb_array_length(plan -> 'phases') > 0
  ) changes
  GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 3, 2
  ON CONFLICT (jurisdiction_code, release_date, time_zone) DO UPDATE SET plans = c.plans + excluded.plans;
  RETURN NULL;
END $$;
CREATE TRIGGER arrival_plans_counted_update AFTER UPDATE ON arrival_plans
  REFERENCING OLD TABLE AS old_plans NEW TABLE AS new_plans
  FOR EACH STATEMENT EXECUTE FUNCTION fangkong_arrival_plan_counts_changed();

CREATE FUNCTION fangkong_arrival_plan_counts_truncated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM arrival_plan_counts;
  RETURN NULL;
END $$;
CREATE TRIGGER arrival_plans_counted_truncate AFTER TRUNCATE ON arrival_plans
  FOR EACH STATEMENT EXECUTE FUNCTION fangkong_arrival_plan_counts_truncated();

INSERT INTO arrival_plan_counts (jurisdiction_code, time_zone, release_date, plans)
SELECT jurisdiction_code, plan ->> 'timeZone', release_date, count(*)
FROM arrival_plans WHERE status = 'active' AND jsonb_array_length(plan -> 'phases') > 0
GROUP BY 1, 2, 3;

-- Read in the caller's scope, like the plans they count; written only by the triggers above.
ALTER TABLE arrival_plan_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY arrival_plan_counts_scope ON arrival_plan_counts
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT ON arrival_plan_counts TO fangkong_app;
