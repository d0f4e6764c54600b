-- Alerts of the multi-point triggers (MON-4, 多点触发预警): a trigger rule of the pack in force fired
-- for one unit (a jurisdiction at the rule's level, or a site such as a school) over a window of
-- local days. The alert carries its evidence (window value, baseline, ratio, the daily series read),
-- then its handling: acknowledged, assessed (快速风险评估, 003 §3.2) with an optional published
-- warning (预警发布), and closed with a reason. Only the alerts module writes this table.
CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The unit's jurisdiction (a site's own jurisdiction for site units): scope follows it.
  jurisdiction_code text COLLATE "C" NOT NULL,
  -- The unit: the jurisdiction code at the rule's level, or the site's id.
  unit_key text COLLATE "C" NOT NULL,
  site_id text,
  site_name text,
  rule_id text NOT NULL,
  -- The rule as it was when it fired (title, feed, measure, level, window, baseline, threshold,
  -- source), and the pack version that held it: a later pack version does not rewrite the evidence.
  rule jsonb NOT NULL,
  pack_id text,
  pack_version text,
  feed text NOT NULL,
  measure text NOT NULL,
  window_start date NOT NULL,
  window_end date NOT NULL,
  window_value bigint NOT NULL,
  baseline double precision,
  ratio double precision,
  -- The daily series read for the unit: [[day, value], …] oldest first.
  series jsonb NOT NULL,
  -- The latest evaluation that found the rule still firing while the alert was open.
  last_window_end date NOT NULL,
  last_window_value bigint NOT NULL,
  state text NOT NULL DEFAULT 'raised' CHECK (state IN ('raised', 'acknowledged', 'assessed', 'closed')),
  raised_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  acknowledged_by_name text,
  -- The risk assessment (风险评估): who, the level, what was found, the measures recommended.
  assessed_at timestamptz,
  assessed_by uuid,
  assessed_by_name text,
  risk_level text CHECK (risk_level IN ('low', 'medium', 'high')),
  assessment_summary text,
  measures_recommended text,
  -- The published warning (预警发布), optional.
  warning_text text,
  warning_level text CHECK (warning_level IN ('blue', 'yellow', 'orange', 'red')),
  warning_audience text,
  warning_jurisdiction_code text COLLATE "C",
  warning_published_at timestamptz,
  warning_published_by_name text,
  closed_at timestamptz,
  closed_by uuid,
  closed_by_name text,
  close_reason text CHECK (close_reason IN ('excluded', 'handled')),
  close_note text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL AND close_reason IS NOT NULL)),
  CHECK (state IN ('raised', 'acknowledged') OR assessed_at IS NOT NULL OR state = 'closed'),
  CHECK (warning_published_at IS NULL OR (warning_text IS NOT NULL AND warning_level IS NOT NULL))
);
-- MON-4 idempotence: one open alert per rule and unit (a re-evaluation updates it), and never a
-- second alert for the same rule, unit and window (a closed window does not come back).
CREATE UNIQUE INDEX alerts_one_open ON alerts (rule_id, unit_key) WHERE state <> 'closed';
CREATE UNIQUE INDEX alerts_one_per_window ON alerts (rule_id, unit_key, window_end);
CREATE INDEX alerts_list ON alerts (jurisdiction_code, raised_at DESC);
CREATE INDEX alerts_open ON alerts (state, jurisdiction_code) WHERE state <> 'closed';

ALTER TABLE alerts ENABLE ROW LEVEL SECURITY;
CREATE POLICY alerts_scope ON alerts
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON alerts TO fangkong_app;
