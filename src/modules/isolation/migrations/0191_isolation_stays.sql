-- A person's isolation (ISO-4, ISO-5, ISO-6): in a room of a site (centralised, 集中隔离) or at home
-- (居家隔离), for the phase of a plan that put them there: a contact's (EPI-4) or an arrival's (ARR-*).
-- A centralised stay is allocated a room, then starts when the person arrives in it (the plan's
-- centralised phase starts then), and ends by release, by moving on to the plan's next phase (e.g.
-- home observation, point to point), or by transfer to hospital.
CREATE TABLE isolation_stays (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Centralised: the site's jurisdiction; home: the person's (their community supervises, ISO-5).
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  kind text NOT NULL CHECK (kind IN ('centralised', 'home')),
  source_type text NOT NULL CHECK (source_type IN ('contact', 'arrival')),
  source_id uuid NOT NULL,
  site_id uuid REFERENCES isolation_sites (id),
  room_id uuid REFERENCES isolation_rooms (id),
  -- People placed in one room together (a household, where the plan allows): one key for them all.
  household_key text CHECK (length(household_key) <= 64),
  -- allocated (a room held, awaiting transfer) → in_room → ended; home → ended; cancelled.
  status text NOT NULL CHECK (status IN ('allocated', 'in_room', 'home', 'ended', 'cancelled')),
  allocated_at timestamptz,
  -- When the person arrived in the room, or home isolation began.
  started_at timestamptz,
  -- The local date of the phase's last day, as the plan says (release is evaluated against it).
  planned_end_date date NOT NULL,
  ended_at timestamptz,
  end_kind text CHECK (end_kind IN ('released', 'next_phase', 'hospital', 'cancelled')),
  end_reason text CHECK (length(end_reason) <= 500),
  next_stay_id uuid REFERENCES isolation_stays (id),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  CHECK ((kind = 'centralised') = (site_id IS NOT NULL)),
  CHECK (kind = 'centralised' OR room_id IS NULL),
  CHECK ((status IN ('ended', 'cancelled')) = (ended_at IS NOT NULL)),
  CHECK (status NOT IN ('in_room', 'home') OR started_at IS NOT NULL)
);
-- One open stay per person: a second allocation is refused, not stacked.
CREATE UNIQUE INDEX isolation_stays_open_person ON isolation_stays (person_id)
  WHERE status IN ('allocated', 'in_room', 'home');
CREATE INDEX isolation_stays_room ON isolation_stays (room_id) WHERE status IN ('allocated', 'in_room');
CREATE INDEX isolation_stays_site ON isolation_stays (site_id, status);
CREATE INDEX isolation_stays_list ON isolation_stays (jurisdiction_code, status, planned_end_date);
CREATE INDEX isolation_stays_source ON isolation_stays (source_type, source_id);
ALTER TABLE isolation_stays ENABLE ROW LEVEL SECURITY;
CREATE POLICY isolation_stays_scope ON isolation_stays
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON isolation_stays TO fangkong_app;

-- Point-to-point transfers (点对点闭环转运): into the site, and out of it to the next phase.
CREATE TABLE isolation_transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  stay_id uuid NOT NULL REFERENCES isolation_stays (id),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  from_place text NOT NULL CHECK (length(from_place) BETWEEN 1 AND 200),
  to_place text NOT NULL CHECK (length(to_place) BETWEEN 1 AND 200),
  vehicle text CHECK (length(vehicle) <= 50),
  escort_name text CHECK (length(escort_name) <= 50),
  departed_at timestamptz NOT NULL,
  arrived_at timestamptz,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (arrived_at IS NULL OR arrived_at >= departed_at)
);
CREATE INDEX isolation_transfers_stay ON isolation_transfers (stay_id, departed_at);
ALTER TABLE isolation_transfers ENABLE ROW LEVEL SECURITY;
CREATE POLICY isolation_transfers_scope ON isolation_transfers
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON isolation_transfers TO fangkong_app;

-- Tests taken during the stay and their results (ISO-6: release needs the plan's tests negative;
-- parallel reagents where the plan requires them, e.g. 002 §3 "两种试剂平行检测结果为阴性").
CREATE TABLE isolation_test_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  stay_id uuid NOT NULL REFERENCES isolation_stays (id),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  person_id uuid NOT NULL REFERENCES persons (id),
  kind text NOT NULL CHECK (kind IN ('nat', 'antigen', 'serum')),
  reagents int NOT NULL DEFAULT 1 CHECK (reagents BETWEEN 1 AND 3),
  result text NOT NULL CHECK (result IN ('negative', 'positive', 'invalid')),
  sampled_at timestamptz NOT NULL,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX isolation_test_results_stay ON isolation_test_results (stay_id, sampled_at);
ALTER TABLE isolation_test_results ENABLE ROW LEVEL SECURITY;
CREATE POLICY isolation_test_results_scope ON isolation_test_results
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT ON isolation_test_results TO fangkong_app;
