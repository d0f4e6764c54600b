-- Alerts for administrators (DESIGN "Safe by default"): a user whose exact searches by ID number or
-- phone, or whose unmaskings, went past their limit. Raised in the user's own jurisdiction, so the
-- administrators above it see them; acknowledged with a note once looked into.
CREATE TABLE person_privacy_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL,
  kind text NOT NULL CHECK (kind IN ('exact_search_burst', 'unmask_burst')),
  user_id uuid NOT NULL,
  user_name text NOT NULL,
  hits int NOT NULL,
  window_seconds int NOT NULL,
  raised_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text,
  note text
);
CREATE INDEX person_privacy_alerts_open ON person_privacy_alerts (jurisdiction_code, raised_at DESC);

ALTER TABLE person_privacy_alerts ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_privacy_alerts_scope ON person_privacy_alerts
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON person_privacy_alerts TO fangkong_app;
