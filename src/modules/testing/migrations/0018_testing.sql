-- NAT testing (TST-1 … TST-10): labs, sampling sites, campaigns, tubes and the samples in them.
-- A tube holds one person (individual) or up to `capacity` people (pooled, N-in-1); its result is
-- the result of every sample in it (TST-1).

CREATE TABLE labs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('cdc', 'hospital', 'third_party', 'customs')),
  -- TST-9: PCR instruments and what one of them processes per hour (tubes).
  instruments int NOT NULL DEFAULT 0 CHECK (instruments >= 0),
  tubes_per_instrument_hour int NOT NULL DEFAULT 0 CHECK (tubes_per_instrument_hour >= 0),
  -- TST-9: reagent stock in single tests, physical and contracted (协议储备).
  reagent_physical_tests int NOT NULL DEFAULT 0 CHECK (reagent_physical_tests >= 0),
  reagent_contracted_tests int NOT NULL DEFAULT 0 CHECK (reagent_contracted_tests >= 0),
  active boolean NOT NULL DEFAULT true,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (jurisdiction_code, name)
);

CREATE TABLE sampling_sites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  name text NOT NULL,
  address text,
  -- Sampling tables (采样台) at the site, numbered 1 … tables.
  tables int NOT NULL DEFAULT 1 CHECK (tables BETWEEN 1 AND 500),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (jurisdiction_code, name)
);

-- Full-population and other testing campaigns (TST-6): the jurisdiction tested and the pool size.
CREATE TABLE campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  name text NOT NULL,
  pool_size int NOT NULL DEFAULT 10 CHECK (pool_size BETWEEN 1 AND 20),
  starts_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'closed')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_jurisdiction ON campaigns (jurisdiction_code, starts_at DESC);

CREATE TABLE tubes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Barcodes are unique across the platform, so a tube can never be read into two places.
  barcode text COLLATE "C" NOT NULL UNIQUE,
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  site_id uuid REFERENCES sampling_sites (id),
  table_no int,
  campaign_id uuid REFERENCES campaigns (id),
  -- TST-2 turnaround category.
  category text NOT NULL CHECK (category IN ('general', 'risk_group', 'hospital', 'rural')),
  capacity int NOT NULL CHECK (capacity BETWEEN 1 AND 20),
  member_count int NOT NULL DEFAULT 0,
  opened_at timestamptz NOT NULL,
  sealed_at timestamptz,
  -- TST-2: when the result is owed (opened_at + the category's hours).
  due_at timestamptz NOT NULL,
  lab_id uuid REFERENCES labs (id),
  received_at timestamptz,
  result text CHECK (result IN ('negative', 'positive', 'invalid')),
  resulted_at timestamptz,
  result_ref text,
  opened_by uuid,
  CHECK (member_count <= capacity),
  CHECK ((result IS NULL) = (resulted_at IS NULL))
);
CREATE INDEX tubes_pending ON tubes (lab_id, due_at) WHERE result IS NULL;
CREATE INDEX tubes_campaign ON tubes (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX tubes_jurisdiction ON tubes (jurisdiction_code, opened_at DESC);

-- One person in one tube. The sample belongs to the site's jurisdiction (who took it); the person
-- may live elsewhere.
CREATE TABLE samples (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tube_id uuid NOT NULL REFERENCES tubes (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  campaign_id uuid REFERENCES campaigns (id),
  purpose text NOT NULL CHECK (purpose IN ('campaign', 'routine', 'arrival', 'resample', 'clinical', 'other')),
  -- An arrival plan's test this sample answers (ARR-*): the lab result is recorded on the plan.
  arrival_id uuid REFERENCES arrivals (id),
  plan_item text,
  sampled_at timestamptz NOT NULL,
  sampled_by uuid,
  UNIQUE (tube_id, person_id)
);
CREATE INDEX samples_person ON samples (person_id, sampled_at DESC);
CREATE INDEX samples_campaign ON samples (campaign_id, person_id) WHERE campaign_id IS NOT NULL;

-- TST-1: people under control after a positive pool (or their own positive), until cleared.
CREATE TABLE person_controls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id),
  -- The person's own jurisdiction: their community carries out the control.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  reason text NOT NULL CHECK (reason IN ('pool_positive', 'individual_positive')),
  tube_id uuid NOT NULL REFERENCES tubes (id),
  started_at timestamptz NOT NULL,
  cleared_at timestamptz,
  cleared_reason text,
  UNIQUE (person_id, tube_id)
);
CREATE INDEX person_controls_open ON person_controls (jurisdiction_code, started_at DESC) WHERE cleared_at IS NULL;
CREATE INDEX person_controls_person ON person_controls (person_id) WHERE cleared_at IS NULL;

ALTER TABLE labs ENABLE ROW LEVEL SECURITY;
CREATE POLICY labs_scope ON labs
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON labs TO fangkong_app;

ALTER TABLE sampling_sites ENABLE ROW LEVEL SECURITY;
CREATE POLICY sampling_sites_scope ON sampling_sites
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON sampling_sites TO fangkong_app;

ALTER TABLE campaigns ENABLE ROW LEVEL SECURITY;
CREATE POLICY campaigns_scope ON campaigns
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON campaigns TO fangkong_app;

ALTER TABLE tubes ENABLE ROW LEVEL SECURITY;
CREATE POLICY tubes_scope ON tubes
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON tubes TO fangkong_app;

ALTER TABLE samples ENABLE ROW LEVEL SECURITY;
CREATE POLICY samples_scope ON samples
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON samples TO fangkong_app;

ALTER TABLE person_controls ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_controls_scope ON person_controls
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON person_controls TO fangkong_app;

-- A barcode is unique platform-wide, so its owner must be found across scopes to refuse a reuse
-- clearly (the caller learns only that the barcode is taken).
CREATE FUNCTION fangkong_tube_barcode_taken(code text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM tubes WHERE barcode = code) $$;
REVOKE ALL ON FUNCTION fangkong_tube_barcode_taken(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_tube_barcode_taken(text) TO fangkong_app;
