-- Every change of a case's classification kept (CAS-1), each with its CDC review (CAS-2): the first
-- report, a reclassification (e.g. 疑似转确诊, 无症状转确诊) and a discard (排除) are applied at once,
-- as a correction (订正) of the card is in direct reporting, and wait for the CDC's review, due 2 hours
-- after they were made. The cases module owns this table.
CREATE TABLE case_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The order changes were made in, when two share an instant.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  case_id uuid NOT NULL REFERENCES cases (id),
  -- The case's jurisdiction, for scope (row-level security) like the case itself.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  kind text NOT NULL CHECK (kind IN ('report', 'reclassify', 'discard')),
  from_classification text CHECK (from_classification IN ('suspected', 'confirmed', 'asymptomatic')),
  to_classification text NOT NULL CHECK (to_classification IN ('suspected', 'confirmed', 'asymptomatic')),
  from_severity text,
  to_severity text,
  reason text,
  changed_by uuid NOT NULL,
  changed_by_name text NOT NULL,
  changed_at timestamptz NOT NULL,
  review_due_at timestamptz NOT NULL,
  reviewed_by uuid,
  reviewed_by_name text,
  reviewed_at timestamptz,
  review_note text,
  CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL)),
  CHECK (kind = 'report' OR reason IS NOT NULL)
);
CREATE INDEX case_changes_case ON case_changes (case_id, seq);
-- The CDC's queue: what awaits review, oldest due first.
CREATE INDEX case_changes_pending ON case_changes (jurisdiction_code, review_due_at) WHERE reviewed_at IS NULL;

ALTER TABLE case_changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_changes_scope ON case_changes
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON case_changes TO fangkong_app;

-- Names shown on the card (the reporting user, the reviewer) as they were when they acted.
ALTER TABLE cases ADD COLUMN reported_by_name text NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN reviewed_by_name text;
-- A person's cases, all of them: the board asks whether a positive result was reported at all.
CREATE INDEX cases_person ON cases (person_id);
