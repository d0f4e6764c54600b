-- Centralised isolation sites (ISO-1, ISO-2, ISO-3): hotels and other places contracted in advance,
-- by purpose (密切接触人员、入境人员、无症状感染者、重点地区来返人员, 003 §3.4.5), in use or on standby
-- ("一用一备", 000 §2.4.4), and their rooms by floor and number. A hospital is never an isolation site
-- (002 §25 "不得将医疗机构设置为集中医学观察场所"): the kinds below hold no medical institution.
CREATE TABLE isolation_sites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('hotel', 'dormitory', 'training_centre', 'temporary', 'other')),
  purposes text[] NOT NULL
    CHECK (cardinality(purposes) > 0
      AND purposes <@ ARRAY['close_contacts', 'inbound', 'asymptomatic', 'key_area_arrivals']::text[]),
  -- in_use (在用), standby (备用), not_ready (未达标: the five-in-place checklist is not complete).
  status text NOT NULL CHECK (status IN ('in_use', 'standby', 'not_ready')),
  address text CHECK (length(address) <= 200),
  contracted_on date,
  contract_until date,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  version int NOT NULL DEFAULT 1,
  CHECK (contract_until IS NULL OR contracted_on IS NULL OR contract_until >= contracted_on)
);
CREATE UNIQUE INDEX isolation_sites_name ON isolation_sites (jurisdiction_code, name);
ALTER TABLE isolation_sites ENABLE ROW LEVEL SECURITY;
CREATE POLICY isolation_sites_scope ON isolation_sites
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON isolation_sites TO fangkong_app;

-- A room: one person (ISO-4 单人单间), or a household where the plan allows (capacity above 1).
-- Its state turns over: ready → occupied → cleaning → ready; out_of_service takes it off the count.
CREATE TABLE isolation_rooms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_id uuid NOT NULL REFERENCES isolation_sites (id),
  -- The site's jurisdiction, kept on the row for row-level security and distribution.
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  floor int NOT NULL CHECK (floor BETWEEN -5 AND 200),
  number text NOT NULL CHECK (length(number) BETWEEN 1 AND 20),
  capacity int NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 6),
  state text NOT NULL DEFAULT 'ready' CHECK (state IN ('ready', 'occupied', 'cleaning', 'out_of_service')),
  state_changed_at timestamptz NOT NULL DEFAULT now(),
  note text CHECK (length(note) <= 200),
  version int NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX isolation_rooms_number ON isolation_rooms (site_id, number);
CREATE INDEX isolation_rooms_grid ON isolation_rooms (site_id, floor, number);
CREATE INDEX isolation_rooms_state ON isolation_rooms (jurisdiction_code, state);
ALTER TABLE isolation_rooms ENABLE ROW LEVEL SECURITY;
CREATE POLICY isolation_rooms_scope ON isolation_rooms
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON isolation_rooms TO fangkong_app;
