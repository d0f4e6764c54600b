-- Corrections of lab results (TST-3): a wrong result is never overwritten silently. Each correction
-- keeps the result it replaced, the corrected one, who corrected it, when and why; the tube holds
-- the corrected result, and the correction's effects on people are written in the same transaction.
CREATE TABLE lab_result_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The tube's jurisdiction: whoever may see the tube may see how its result came to be.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  tube_id uuid NOT NULL REFERENCES tubes (id),
  previous_result text NOT NULL CHECK (previous_result IN ('negative', 'positive', 'invalid')),
  result text NOT NULL CHECK (result IN ('negative', 'positive', 'invalid')),
  reason text NOT NULL CHECK (char_length(btrim(reason)) BETWEEN 2 AND 500),
  corrected_by uuid,
  corrected_at timestamptz NOT NULL,
  CHECK (previous_result <> result)
);
CREATE INDEX lab_result_corrections_tube ON lab_result_corrections (tube_id, corrected_at DESC);

ALTER TABLE lab_result_corrections ENABLE ROW LEVEL SECURITY;
CREATE POLICY lab_result_corrections_scope ON lab_result_corrections
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT ON lab_result_corrections TO fangkong_app;
