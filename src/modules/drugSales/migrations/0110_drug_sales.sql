-- Four-class drug sales (MON-2, 004 §11): pharmacies (online ones included), clinics and health
-- centres register every sale of 退热、止咳、抗病毒、抗生素 drugs with the buyer's identity; the county's
-- medical-control group follows each up. The drugSales module owns these tables.

-- The outlets that sell: a registry per jurisdiction, kept by the county's medical-control group.
CREATE TABLE drug_outlets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('pharmacy', 'online_pharmacy', 'clinic', 'health_centre')),
  active boolean NOT NULL DEFAULT true,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (jurisdiction_code, name)
);
ALTER TABLE drug_outlets ENABLE ROW LEVEL SECURITY;
CREATE POLICY drug_outlets_scope ON drug_outlets
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON drug_outlets TO fangkong_app;

-- One sale: a high-volume feed (a city sells millions a month). It carries its outlet's
-- jurisdiction code and its sale time, by which it can later be partitioned and distributed.
CREATE TABLE drug_sales (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL,
  outlet_id uuid NOT NULL REFERENCES drug_outlets (id),
  -- The natural key within the outlet: the client's sale id (the counter's, a till's), or a digest of
  -- time, buyer and classes for a sheet without one. A retry or a re-import inserts nothing.
  sale_key text COLLATE "C" NOT NULL,
  sold_at timestamptz NOT NULL,
  -- The outlet's local day of the sale: the follow-up batch it belongs to (drug_sale_days).
  sale_day date NOT NULL,
  classes text[] NOT NULL CHECK (
    cardinality(classes) BETWEEN 1 AND 4
    AND classes <@ ARRAY['antipyretic', 'antitussive', 'antiviral', 'antibiotic']::text[]
  ),
  quantity int CHECK (quantity BETWEEN 1 AND 999),
  -- The buyer (personal data): never linked to a person record; matched only by keyed hash.
  buyer_name text,
  id_cipher bytea NOT NULL,
  id_hash bytea NOT NULL,
  id_masked text NOT NULL,
  phone_cipher bytea,
  phone_hash bytea,
  phone_masked text,
  source text NOT NULL CHECK (source IN ('counter', 'api', 'file')),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  -- The follow-up (追踪回访) by the medical-control group.
  follow_up_outcome text CHECK (follow_up_outcome IN ('no_symptoms', 'referred', 'sampled', 'unreachable')),
  follow_up_contacted boolean,
  follow_up_note text,
  followed_up_by uuid,
  followed_up_at timestamptz,
  CHECK ((follow_up_outcome IS NULL) = (followed_up_at IS NULL)),
  UNIQUE (outlet_id, sale_key)
);
-- MON-4's daily series per jurisdiction unit and the lists by place and time.
CREATE INDEX drug_sales_place_time ON drug_sales (jurisdiction_code, sold_at);
-- The sales awaiting follow-up, per outlet and day (the follow-up batches).
CREATE INDEX drug_sales_awaiting ON drug_sales (outlet_id, sale_day) WHERE followed_up_at IS NULL;
-- A person's story (by keyed hash) and the counter's own recent sales.
CREATE INDEX drug_sales_buyer ON drug_sales (id_hash);
CREATE INDEX drug_sales_recorder ON drug_sales (recorded_by, recorded_at DESC);
ALTER TABLE drug_sales ENABLE ROW LEVEL SECURITY;
CREATE POLICY drug_sales_scope ON drug_sales
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON drug_sales TO fangkong_app;

-- The follow-up batch of one outlet and local day: the subject of its MON-2 deadline, so that a
-- county holds one obligation per outlet and day instead of one per sale.
CREATE TABLE drug_sale_days (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL,
  outlet_id uuid NOT NULL REFERENCES drug_outlets (id),
  day date NOT NULL,
  UNIQUE (outlet_id, day)
);
ALTER TABLE drug_sale_days ENABLE ROW LEVEL SECURITY;
CREATE POLICY drug_sale_days_scope ON drug_sale_days
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT ON drug_sale_days TO fangkong_app;
