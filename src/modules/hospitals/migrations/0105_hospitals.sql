-- Treatment (CAS-3, CAS-4): the registry of designated hospitals (定点医院), fever clinics (发热门诊)
-- and mobile cabin hospitals (方舱医院) of a jurisdiction, with the capacity figures readiness is read
-- from, and the 48-hour emptying obligation (002 §26) a designated hospital carries once it holds
-- 10 confirmed cases.
CREATE TABLE hospitals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('designated', 'fever_clinic', 'mobile_cabin')),
  -- 003 §3.4.2: the county hospital is held to ICU ≥ 10 and ≥ 30 negative-pressure beds.
  is_county_hospital boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('in_use', 'standby')),
  beds int NOT NULL CHECK (beds >= 0),
  icu_beds int NOT NULL CHECK (icu_beds >= 0 AND icu_beds <= beds),
  negative_pressure_beds int NOT NULL CHECK (negative_pressure_beds >= 0 AND negative_pressure_beds <= beds),
  -- Supplies and drugs, in days at full load (002 §26: 30 days).
  supply_days int NOT NULL CHECK (supply_days >= 0),
  address text,
  -- CAS-4: set when the hospital first holds 10 confirmed cases; emptying is due 48 h later.
  emptying_owed_at timestamptz,
  emptied_at timestamptz,
  emptied_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  version int NOT NULL DEFAULT 1,
  CHECK (emptied_at IS NULL OR emptying_owed_at IS NOT NULL)
);
CREATE UNIQUE INDEX hospitals_name ON hospitals (jurisdiction_code, name);

ALTER TABLE hospitals ENABLE ROW LEVEL SECURITY;
-- The registry is read from below too: a county sends its cases to the city's designated hospitals
-- (003 §3.4.9 "及时转运至市级定点医院"), so a hospital is visible within its subtree and to every
-- subtree under it. It holds no personal data. Writes stay with its own subtree.
CREATE POLICY hospitals_read ON hospitals FOR SELECT
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[])
    OR EXISTS (SELECT 1 FROM unnest((SELECT fangkong_scope())::text[]) s WHERE s ^@ jurisdiction_code));
CREATE POLICY hospitals_insert ON hospitals FOR INSERT
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
CREATE POLICY hospitals_update ON hospitals FOR UPDATE
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON hospitals TO fangkong_app;

-- CAS-3: a case's point-to-point transfer to a hospital and its stay there, one row per hospital:
-- requested → departed → admitted → discharged (or cancelled before admission). Patient data: the
-- row belongs to the case's jurisdiction, as the case does.
CREATE TABLE hospital_stays (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  case_id uuid NOT NULL REFERENCES cases (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  hospital_id uuid NOT NULL REFERENCES hospitals (id),
  -- Where the patient is taken from (a fever clinic, home, an isolation site), in words; or a hospital.
  from_place text NOT NULL,
  from_hospital_id uuid REFERENCES hospitals (id),
  vehicle text,
  escort text,
  status text NOT NULL CHECK (status IN ('requested', 'departed', 'admitted', 'discharged', 'cancelled')),
  requested_at timestamptz NOT NULL,
  requested_by uuid NOT NULL,
  transfer_due_at timestamptz NOT NULL,
  departed_at timestamptz,
  admitted_at timestamptz,
  discharged_at timestamptz,
  discharge_note text,
  -- The discharge plan's origin (a pack version, or the fallback) as recorded when it was made.
  follow_up_plan jsonb,
  version int NOT NULL DEFAULT 1,
  CHECK (departed_at IS NULL OR departed_at >= requested_at - interval '1 day'),
  CHECK (admitted_at IS NULL OR departed_at IS NULL OR admitted_at >= departed_at),
  CHECK (discharged_at IS NULL OR (admitted_at IS NOT NULL AND discharged_at >= admitted_at))
);
-- One live transfer or stay per case: a second transfer starts once the first is discharged or cancelled.
CREATE UNIQUE INDEX hospital_stays_one_live ON hospital_stays (case_id)
  WHERE status IN ('requested', 'departed', 'admitted');
CREATE INDEX hospital_stays_hospital ON hospital_stays (hospital_id, status);
CREATE INDEX hospital_stays_list ON hospital_stays (jurisdiction_code, requested_at DESC);
CREATE INDEX hospital_stays_person ON hospital_stays (person_id);

ALTER TABLE hospital_stays ENABLE ROW LEVEL SECURITY;
CREATE POLICY hospital_stays_scope ON hospital_stays
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON hospital_stays TO fangkong_app;

-- CAS-4: a hospital's occupancy counts (no personal data) across every jurisdiction it takes
-- patients from, for hospitals the caller may read: the 10 confirmed cases of the 48-hour rule are
-- the hospital's, not only those of the caller's subtree. Confirmed is the case's current class.
CREATE FUNCTION fangkong_hospital_occupancy(ids uuid[])
    RETURNS TABLE (hospital_id uuid, in_hospital int, confirmed int, on_the_way int)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT h.id,
      count(*) FILTER (WHERE s.status = 'admitted')::int,
      count(*) FILTER (WHERE s.status = 'admitted' AND c.classification = 'confirmed')::int,
      count(*) FILTER (WHERE s.status IN ('requested', 'departed'))::int
    FROM hospitals h
    LEFT JOIN hospital_stays s ON s.hospital_id = h.id AND s.status IN ('requested', 'departed', 'admitted')
    LEFT JOIN cases c ON c.id = s.case_id
    WHERE h.id = ANY ($1)
      AND (h.jurisdiction_code ^@ ANY (fangkong_scope())
        OR EXISTS (SELECT 1 FROM unnest(fangkong_scope()) sc WHERE sc ^@ h.jurisdiction_code))
    GROUP BY h.id
  $$;
REVOKE ALL ON FUNCTION fangkong_hospital_occupancy(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_hospital_occupancy(uuid[]) TO fangkong_app;
