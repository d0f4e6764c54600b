-- Arrivals from every channel (ARR-11 … ARR-15) and the plans the policy engine made for them.
CREATE TABLE arrivals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The destination: the community (or town, county) responsible for the person here.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  channel text NOT NULL CHECK (channel IN
    ('checkpoint', 'station', 'push_list', 'landing_code', 'truck', 'cadre_return', 'manual')),
  -- Idempotency of bulk and public channels: one arrival per channel reference (a push list's row
  -- key, a landing-code report id).
  source_ref text,
  origin text NOT NULL CHECK (origin IN ('overseas', 'domestic')),
  origin_division_code text COLLATE "C",
  origin_name text,
  origin_country text,
  -- When the person was last at the origin: risk status is read as it stood then (ARR-7).
  left_origin_at timestamptz NOT NULL,
  arrived_at timestamptz NOT NULL,
  entered_at timestamptz,
  port_isolation_days int,
  contact text,
  returnee text,
  truck_crew boolean NOT NULL DEFAULT false,
  home_isolation_conditions boolean,
  negative_nat_at timestamptz,
  green_health_code boolean,
  origin_risk text,
  origin_district_risk text,
  status text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'planned', 'no_protocol', 'released')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid
);
CREATE UNIQUE INDEX arrivals_source ON arrivals (channel, source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX arrivals_jurisdiction ON arrivals (jurisdiction_code, arrived_at DESC);
CREATE INDEX arrivals_person ON arrivals (person_id);
CREATE INDEX arrivals_origin ON arrivals (origin_division_code, left_origin_at);

ALTER TABLE arrivals ENABLE ROW LEVEL SECURITY;
CREATE POLICY arrivals_scope ON arrivals
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON arrivals TO fangkong_app;

-- A plan is immutable: a new pack version supersedes it with a new row.
CREATE TABLE arrival_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  arrival_id uuid NOT NULL REFERENCES arrivals (id),
  jurisdiction_code text COLLATE "C" NOT NULL,
  pack_id text NOT NULL,
  pack_version text NOT NULL,
  protocol_id text NOT NULL,
  rule_id text NOT NULL,
  day0 date NOT NULL,
  release_date date NOT NULL,
  plan jsonb NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'superseded', 'completed')),
  superseded_by uuid REFERENCES arrival_plans (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (pack_id, pack_version) REFERENCES policy_packs (id, version)
);
CREATE UNIQUE INDEX arrival_plans_active ON arrival_plans (arrival_id) WHERE status = 'active';
CREATE INDEX arrival_plans_pack ON arrival_plans (pack_id, pack_version) WHERE status = 'active';
CREATE INDEX arrival_plans_jurisdiction ON arrival_plans (jurisdiction_code);

ALTER TABLE arrival_plans ENABLE ROW LEVEL SECURITY;
CREATE POLICY arrival_plans_scope ON arrival_plans
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON arrival_plans TO fangkong_app;

-- Results of the plan's tests (until the testing module feeds them) and phase completions.
CREATE TABLE arrival_plan_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES arrival_plans (id),
  jurisdiction_code text COLLATE "C" NOT NULL,
  item text NOT NULL,
  result text NOT NULL CHECK (result IN ('negative', 'positive', 'done')),
  at timestamptz NOT NULL,
  recorded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, item)
);
ALTER TABLE arrival_plan_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY arrival_plan_events_scope ON arrival_plan_events
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT ON arrival_plan_events TO fangkong_app;
