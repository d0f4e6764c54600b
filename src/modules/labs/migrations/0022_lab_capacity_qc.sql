-- TST-9 dated capacity targets of a jurisdiction (e.g. "5 月底前 … 2.5 万人份" [001 §4]) and TST-10
-- quality-control records of a lab (internal QC, external EQA, two reagents in parallel, biosafety).
CREATE TABLE lab_capacity_targets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  due_date date NOT NULL,
  persons_per_day int NOT NULL CHECK (persons_per_day > 0),
  source_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (jurisdiction_code, due_date)
);

CREATE TABLE lab_qc_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  lab_id uuid NOT NULL REFERENCES labs (id),
  -- The lab's jurisdiction, so the record is scoped with the lab.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  qc_date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('internal_qc', 'external_eqa', 'dual_reagent', 'biosafety')),
  outcome text NOT NULL CHECK (outcome IN ('pass', 'fail')),
  notes text,
  recorded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lab_qc_records_lab ON lab_qc_records (lab_id, qc_date DESC);

ALTER TABLE lab_capacity_targets ENABLE ROW LEVEL SECURITY;
CREATE POLICY lab_capacity_targets_scope ON lab_capacity_targets
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON lab_capacity_targets TO fangkong_app;

ALTER TABLE lab_qc_records ENABLE ROW LEVEL SECURITY;
CREATE POLICY lab_qc_records_scope ON lab_qc_records
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON lab_qc_records TO fangkong_app;
