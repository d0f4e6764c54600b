-- A running push-list import signs of life as it goes; one whose heartbeat stopped (the server was
-- stopped mid-import) reads as 'interrupted', with the counts its committed batches left. A failed
-- import keeps its reason (a refused file, too many rejected rows).
ALTER TABLE push_imports
  DROP CONSTRAINT push_imports_status_check,
  ADD CONSTRAINT push_imports_status_check CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
  ADD COLUMN failure text,
  ADD COLUMN heartbeat_at timestamptz;

UPDATE push_imports SET heartbeat_at = coalesce(finished_at, started_at);
UPDATE push_imports SET status = 'interrupted' WHERE status = 'running';
