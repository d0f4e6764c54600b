-- Checkpoints and stations (三站一场, ARR-15) and every pass they log (HC-3).
CREATE TABLE checkpoints (
  -- Given by the client when it wants to retry safely (a phone on a poor network), else generated.
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('highway', 'railway_station', 'bus_station', 'airport', 'port')),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (jurisdiction_code, name)
);

ALTER TABLE checkpoints ENABLE ROW LEVEL SECURITY;
CREATE POLICY checkpoints_scope ON checkpoints
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON checkpoints TO fangkong_app;

-- One row per traveller checked; kept narrow (the busiest table of the module). Identity is sealed
-- like a person's: encrypted, keyed hash, masked. jurisdiction_code is the checkpoint's.
CREATE TABLE checkpoint_passes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  checkpoint_id uuid NOT NULL REFERENCES checkpoints (id),
  jurisdiction_code text COLLATE "C" NOT NULL,
  passed_at timestamptz NOT NULL,
  person_name text NOT NULL,
  id_cipher bytea NOT NULL,
  id_hash bytea NOT NULL,
  id_masked text NOT NULL,
  phone_cipher bytea,
  phone_masked text,
  health_code text NOT NULL CHECK (health_code IN ('green', 'yellow', 'red')),
  temperature numeric(3, 1) NOT NULL,
  origin text NOT NULL CHECK (origin IN ('overseas', 'domestic')),
  origin_division_code text COLLATE "C",
  origin_name text,
  origin_risk text,
  origin_district_risk text,
  nat_at timestamptz,
  destination_code text COLLATE "C" NOT NULL,
  plate text,
  outcome text NOT NULL CHECK (outcome IN ('pass', 'medical', 'hold', 'register_and_hand_over')),
  reasons text[] NOT NULL DEFAULT '{}',
  -- The arrival registered for the destination community, when the outcome asked for one.
  arrival_id uuid REFERENCES arrivals (id),
  -- 'registered', 'outside_scope' (destination beyond the checkpoint's reach: hand over by hand), or NULL.
  handover text CHECK (handover IN ('registered', 'outside_scope')),
  recorded_by uuid
);
CREATE INDEX checkpoint_passes_jurisdiction ON checkpoint_passes (jurisdiction_code, passed_at);
CREATE INDEX checkpoint_passes_checkpoint ON checkpoint_passes (checkpoint_id, passed_at);

ALTER TABLE checkpoint_passes ENABLE ROW LEVEL SECURITY;
CREATE POLICY checkpoint_passes_scope ON checkpoint_passes
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT ON checkpoint_passes TO fangkong_app;
