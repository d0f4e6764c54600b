-- One table for every time-bound obligation of every module (ARR-11 looks and same-day feedback,
-- plan tests and phase changes, TST-2 turnaround, CAS-2 reports, EPI-1 investigations, …).
-- An obligation is open while done_at and cancelled_at are both null.
CREATE TABLE deadlines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rule_id text NOT NULL CHECK (rule_id ~ '^[A-Z]{2,5}-[0-9]{1,3}$'),
  subject_type text NOT NULL CHECK (length(subject_type) BETWEEN 1 AND 40),
  subject_id uuid NOT NULL,
  kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 80),
  -- The person concerned, when there is one. No foreign key: the platform does not depend on a
  -- module's table, and an obligation's history outlives a merged or removed person record.
  person_id uuid,
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  owner_role text NOT NULL,
  title_zh text NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 200),
  title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
  -- When the obligation arose: its window (due − opened) sets the default escalation period.
  opened_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  -- An explicit escalation period; null means the default of src/rules/deadlines.ts.
  escalate_after_seconds integer CHECK (escalate_after_seconds > 0),
  done_at timestamptz,
  done_by uuid,
  outcome text CHECK (length(outcome) <= 500),
  cancelled_at timestamptz,
  cancel_reason text CHECK (length(cancel_reason) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (done_at IS NULL OR cancelled_at IS NULL)
);

-- At most one open obligation per key. Closed rows are history: a key opened again after it was
-- closed (a repeated test after a failed one, a second look) is a new obligation with its own row.
CREATE UNIQUE INDEX deadlines_open_key ON deadlines (subject_type, subject_id, kind)
  WHERE done_at IS NULL AND cancelled_at IS NULL;
-- Open lists of a small subtree (a community's work list): the subtree's range, then sorted.
CREATE INDEX deadlines_open_jurisdiction ON deadlines (jurisdiction_code, due_at)
  WHERE done_at IS NULL AND cancelled_at IS NULL;
-- Open lists of a wide subtree (a county's overdue and due-soon views): read in due order.
CREATE INDEX deadlines_open_due ON deadlines (due_at)
  WHERE done_at IS NULL AND cancelled_at IS NULL;
-- History: what was done or cancelled, newest first.
CREATE INDEX deadlines_closed ON deadlines (jurisdiction_code, (coalesce(done_at, cancelled_at)))
  WHERE done_at IS NOT NULL OR cancelled_at IS NOT NULL;
CREATE INDEX deadlines_subject ON deadlines (subject_id);
CREATE INDEX deadlines_person ON deadlines (person_id) WHERE person_id IS NOT NULL;

ALTER TABLE deadlines ENABLE ROW LEVEL SECURITY;
CREATE POLICY deadlines_scope ON deadlines
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
-- No DELETE: obligations are closed or cancelled, never removed, so lateness stays on record.
GRANT SELECT, INSERT, UPDATE ON deadlines TO fangkong_app;
