-- A ledger import is filed, and audited, before its first batch, and keeps its counts as each batch
-- commits, so a server stopped mid-import leaves a record of what it had committed. Its status:
-- 'running' while it runs ('interrupted' is read off a running import whose heartbeat stopped),
-- 'done', or 'failed' with the reason (a refused file, too many rejected rows).
ALTER TABLE person_imports
  ADD COLUMN status text NOT NULL DEFAULT 'running'
    CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
  ADD COLUMN failure text,
  ADD COLUMN heartbeat_at timestamptz;

-- Imports before this change: finished ones are done; unfinished ones were cut off by a stop.
UPDATE person_imports SET status = CASE WHEN finished_at IS NULL THEN 'interrupted' ELSE 'done' END,
  heartbeat_at = coalesce(finished_at, started_at);
