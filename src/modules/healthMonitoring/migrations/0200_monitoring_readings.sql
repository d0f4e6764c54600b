-- Daily health monitoring of people in isolation (ISO-4 001 §21 "每日健康监测"; ISO-5 002 §17 §25):
-- a temperature and symptoms twice a day (am, pm: local choice, see src/rules/healthMonitoring.ts),
-- by site staff or the community, or by the person in home isolation through a personal link.
-- One reading per stay, local date and slot; a correction changes it in place (audited).
CREATE TABLE monitoring_readings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  stay_id uuid NOT NULL REFERENCES isolation_stays (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  -- The stay's: the site's for a centralised stay, the person's for a home stay.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  local_date date NOT NULL,
  slot text NOT NULL CHECK (slot IN ('am', 'pm')),
  temperature numeric(3, 1) NOT NULL CHECK (temperature BETWEEN 35.0 AND 42.5),
  symptoms text[] NOT NULL DEFAULT '{}'
    CHECK (cardinality(symptoms) <= 10 AND symptoms <@ ARRAY['fever', 'cough', 'sore_throat', 'fatigue', 'diarrhoea',
      'smell_taste_loss', 'shortness_of_breath', 'muscle_pain', 'runny_nose', 'conjunctivitis']::text[]),
  note text CHECK (length(note) <= 200),
  -- ISO-4: 37.3 ℃ and above or any symptom; its immediate report is a deadline (subject monitoring_reading).
  abnormal boolean NOT NULL,
  source text NOT NULL CHECK (source IN ('staff', 'self')),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid,
  corrected_at timestamptz,
  corrected_by uuid,
  -- How the abnormal reading was handled (报告疾控 / 转发热门诊 / 复测正常), closing its report.
  handled_at timestamptz,
  handled_by uuid,
  handle_outcome text CHECK (handle_outcome IN ('reported_cdc', 'fever_clinic', 'recheck_normal')),
  handle_note text CHECK (length(handle_note) <= 500),
  version int NOT NULL DEFAULT 1,
  CHECK ((handled_at IS NULL) = (handle_outcome IS NULL))
);
CREATE UNIQUE INDEX monitoring_readings_slot ON monitoring_readings (stay_id, local_date, slot);
CREATE INDEX monitoring_readings_day ON monitoring_readings (jurisdiction_code, local_date, slot);
CREATE INDEX monitoring_readings_person ON monitoring_readings (person_id, recorded_at) WHERE abnormal;
CREATE INDEX monitoring_readings_open ON monitoring_readings (stay_id) WHERE abnormal AND handled_at IS NULL;
ALTER TABLE monitoring_readings ENABLE ROW LEVEL SECURITY;
CREATE POLICY monitoring_readings_scope ON monitoring_readings
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON monitoring_readings TO fangkong_app;

-- A home stay's personal self-report link (ISO-5): only the token's SHA-256 is kept; it expires
-- after the stay's planned end and can be revoked; issuing a new one revokes the old.
CREATE TABLE monitoring_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  stay_id uuid NOT NULL REFERENCES isolation_stays (id),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  token_hash bytea NOT NULL,
  expires_at timestamptz NOT NULL,
  issued_at timestamptz NOT NULL,
  issued_by uuid,
  revoked_at timestamptz,
  revoked_by uuid
);
CREATE UNIQUE INDEX monitoring_links_token ON monitoring_links (token_hash);
CREATE UNIQUE INDEX monitoring_links_active ON monitoring_links (stay_id) WHERE revoked_at IS NULL;
ALTER TABLE monitoring_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY monitoring_links_scope ON monitoring_links
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON monitoring_links TO fangkong_app;
