-- ISO-3 (004 §18 "健全完善集中隔离点领导包联和点长负责制度，建立包联领导、点长、主要工作人员台账"):
-- the site's ledger of its liaison leader (包联领导), point leader (点长) and key staff, each with a
-- phone sealed as persons' phones are (encrypted, keyed hash, masked; the whole number only through
-- an audited reveal), and the dates they serve.
CREATE TABLE isolation_site_staff (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_id uuid NOT NULL REFERENCES isolation_sites (id),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  role text NOT NULL CHECK (role IN ('liaison_leader', 'point_leader', 'medical', 'police', 'service',
    'cleaning', 'security', 'other')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  -- The unit or post (e.g. 县人民医院派驻医生、城郊派出所).
  unit text CHECK (length(unit) <= 100),
  phone_cipher bytea,
  phone_hash bytea,
  phone_masked text,
  from_date date,
  until_date date,
  active boolean NOT NULL DEFAULT true,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (until_date IS NULL OR from_date IS NULL OR until_date >= from_date)
);
CREATE INDEX isolation_site_staff_site ON isolation_site_staff (site_id, role);
CREATE INDEX isolation_site_staff_scope ON isolation_site_staff (jurisdiction_code);
ALTER TABLE isolation_site_staff ENABLE ROW LEVEL SECURITY;
CREATE POLICY isolation_site_staff_scope ON isolation_site_staff
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON isolation_site_staff TO fangkong_app;
