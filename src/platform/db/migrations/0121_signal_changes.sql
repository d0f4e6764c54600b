-- MON-4 "evaluated as data arrives": a feed module notes, inside its own write, that its series
-- changed for a jurisdiction (src/platform/signals/changes.ts); the trigger evaluator drains the
-- notes shortly after and re-evaluates the rules of those feeds there. One row per feed and
-- jurisdiction however many writes came in between, so a busy counter adds no work per sale.
CREATE TABLE signal_changes (
  feed text NOT NULL,
  jurisdiction_code text COLLATE "C" NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (feed, jurisdiction_code)
);
ALTER TABLE signal_changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY signal_changes_scope ON signal_changes
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON signal_changes TO fangkong_app;
