-- Truck pre-reports (ARR-12, 004 §5): a consignee reports a starred truck and its crew at least 24 h
-- ahead; the destination community escorts it in and out, or watches a crew that stays over.
CREATE TABLE truck_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The destination community (属地社区/村嘎查) whose list the report is on.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  source text NOT NULL CHECK (source IN ('public', 'staff')),
  unit_name text NOT NULL,
  unit_credit_code text NOT NULL,
  plate text NOT NULL,
  planned_arrival_at timestamptz NOT NULL,
  origin_name text NOT NULL,
  origin_division_code text COLLATE "C",
  starred boolean NOT NULL,
  reported_at timestamptz NOT NULL,
  -- Reported less than 24 h before the planned arrival: accepted, flagged, shown in red.
  late boolean NOT NULL,
  lead_minutes int NOT NULL,
  status text NOT NULL DEFAULT 'reported'
    CHECK (status IN ('reported', 'escorted', 'at_checkpoint', 'left', 'staying')),
  escort_name text,
  escort_assigned_at timestamptz,
  arrived_at timestamptz,
  left_at timestamptz,
  stay_reason text,
  stay_first_date date,
  stay_last_date date,
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX truck_reports_list ON truck_reports (jurisdiction_code, planned_arrival_at DESC);
CREATE INDEX truck_reports_status ON truck_reports (status, planned_arrival_at DESC);

ALTER TABLE truck_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY truck_reports_scope ON truck_reports
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON truck_reports TO fangkong_app;

-- Driver and crew ("司乘人员"): ID numbers and phones only encrypted, hashed and masked, like persons.
CREATE TABLE truck_report_crew (
  report_id uuid NOT NULL REFERENCES truck_reports (id),
  position int NOT NULL CHECK (position BETWEEN 1 AND 5),
  jurisdiction_code text COLLATE "C" NOT NULL,
  name text NOT NULL,
  id_cipher bytea NOT NULL,
  id_hash bytea NOT NULL,
  id_masked text NOT NULL,
  phone_cipher bytea NOT NULL,
  phone_masked text NOT NULL,
  -- Set when the crew stays over and is registered as an arrival (channel 'truck').
  person_id uuid REFERENCES persons (id),
  arrival_id uuid REFERENCES arrivals (id),
  PRIMARY KEY (report_id, position)
);
CREATE INDEX truck_report_crew_hash ON truck_report_crew (id_hash);

ALTER TABLE truck_report_crew ENABLE ROW LEVEL SECURITY;
CREATE POLICY truck_report_crew_scope ON truck_report_crew
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON truck_report_crew TO fangkong_app;
