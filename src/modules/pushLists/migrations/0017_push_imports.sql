-- Big-data push lists (大数据推送, 004 §3 “大数据排查”): each import, the rows it rejected, and its
-- accepted rows staged for set-based classification against the risk-area registry (ARR-7).
-- All three are filed under the importing jurisdiction (staging under each row's destination)
-- and kept to it by row-level security.
CREATE TABLE push_imports (
  -- Client-given (so the uploading page can poll progress and a retry is recognised) or generated.
  id uuid PRIMARY KEY,
  jurisdiction_code text COLLATE "C" NOT NULL,
  actor_id uuid,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  -- 'register': every accepted row becomes an arrival; 'classify': rows are only staged and counted.
  mode text NOT NULL CHECK (mode IN ('register', 'classify')),
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  total int NOT NULL DEFAULT 0,
  registered int NOT NULL DEFAULT 0,
  unchanged int NOT NULL DEFAULT 0,
  rejected int NOT NULL DEFAULT 0,
  -- Accepted rows by origin risk level when left (classifyStaged); NULL until the end.
  levels jsonb,
  started_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE INDEX push_imports_jurisdiction ON push_imports (jurisdiction_code, started_at DESC);

ALTER TABLE push_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY push_imports_scope ON push_imports
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON push_imports TO fangkong_app;

-- Like person_import_errors: the line, field and reason, never the rejected value.
CREATE TABLE push_import_errors (
  import_id uuid NOT NULL REFERENCES push_imports (id) ON DELETE CASCADE,
  jurisdiction_code text COLLATE "C" NOT NULL,
  line int NOT NULL,
  seq int NOT NULL,
  field text NOT NULL,
  code text NOT NULL,
  PRIMARY KEY (import_id, line, seq)
);

ALTER TABLE push_import_errors ENABLE ROW LEVEL SECURITY;
CREATE POLICY push_import_errors_scope ON push_import_errors
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT ON push_import_errors TO fangkong_app;

-- Narrow on purpose: no identity, only what classification reads. Large lists are COPYed in.
CREATE TABLE push_staging (
  import_id uuid NOT NULL,
  line int NOT NULL,
  jurisdiction_code text COLLATE "C" NOT NULL,
  overseas boolean NOT NULL,
  origin_code text COLLATE "C",
  left_origin_at timestamptz NOT NULL,
  PRIMARY KEY (import_id, line)
);

ALTER TABLE push_staging ENABLE ROW LEVEL SECURITY;
CREATE POLICY push_staging_scope ON push_staging
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT ON push_staging TO fangkong_app;
