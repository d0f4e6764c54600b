-- Lab results (TST-1 … TST-3): the Ct values a lab reports with a result, and one row per posting
-- (an API request or an imported file) with its counts, written in the same transaction as the
-- results it carries: a posting is either wholly there or not at all.

ALTER TABLE tubes ADD COLUMN ct_orf1ab numeric(5, 2) CHECK (ct_orf1ab BETWEEN 0 AND 60);
ALTER TABLE tubes ADD COLUMN ct_n numeric(5, 2) CHECK (ct_n BETWEEN 0 AND 60);
CREATE INDEX tubes_resulted ON tubes (lab_id, resulted_at DESC) WHERE result IS NOT NULL;
CREATE INDEX tubes_positive ON tubes (jurisdiction_code, resulted_at DESC) WHERE result = 'positive';

CREATE TABLE lab_result_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The lab's jurisdiction: the batch belongs to the lab that posted it.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  lab_id uuid NOT NULL REFERENCES labs (id),
  source text NOT NULL CHECK (source IN ('api', 'file')),
  file_name text,
  rows int NOT NULL,
  applied int NOT NULL,
  unchanged int NOT NULL,
  rejected int NOT NULL,
  positives int NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lab_result_batches_lab ON lab_result_batches (lab_id, created_at DESC);

ALTER TABLE lab_result_batches ENABLE ROW LEVEL SECURITY;
CREATE POLICY lab_result_batches_scope ON lab_result_batches
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON lab_result_batches TO fangkong_app;
