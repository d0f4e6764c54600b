-- Ledger (台账) imports and every row they rejected, for the downloadable error report. An error
-- row names the line, the field and the reason, never the rejected value (it may be an ID number).
-- Both tables are filed under the importing jurisdiction and kept to it by row-level security.
CREATE TABLE person_imports (
  id uuid PRIMARY KEY,
  jurisdiction_code text COLLATE "C" NOT NULL,
  actor_id uuid,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  total int NOT NULL DEFAULT 0,
  created int NOT NULL DEFAULT 0,
  unchanged int NOT NULL DEFAULT 0,
  rejected int NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL,
  -- NULL while running, or when the process stopped before the end.
  finished_at timestamptz
);
CREATE INDEX person_imports_jurisdiction ON person_imports (jurisdiction_code, started_at DESC);

ALTER TABLE person_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_imports_scope ON person_imports
  USING (jurisdiction_code ^@ ANY (fangkong_scope()))
  WITH CHECK (jurisdiction_code ^@ ANY (fangkong_scope()));
GRANT SELECT, INSERT, UPDATE ON person_imports TO fangkong_app;

CREATE TABLE person_import_errors (
  import_id uuid NOT NULL REFERENCES person_imports (id) ON DELETE CASCADE,
  jurisdiction_code text COLLATE "C" NOT NULL,
  line int NOT NULL,
  -- The position of the error among its row's errors.
  seq int NOT NULL,
  field text NOT NULL,
  code text NOT NULL,
  PRIMARY KEY (import_id, line, seq)
);

ALTER TABLE person_import_errors ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_import_errors_scope ON person_import_errors
  USING (jurisdiction_code ^@ ANY (fangkong_scope()))
  WITH CHECK (jurisdiction_code ^@ ANY (fangkong_scope()));
GRANT SELECT, INSERT ON person_import_errors TO fangkong_app;
