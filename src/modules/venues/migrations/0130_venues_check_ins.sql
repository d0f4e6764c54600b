-- Venues and their venue codes (场所码, HC-2), and the check-ins scanned there (EPI-3).
CREATE TABLE venues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  name text NOT NULL,
  -- The venue types the plans name (ZON-3 closure lists, ZON-4 limits); see src/rules/venues.ts.
  kind text NOT NULL,
  address text,
  -- Most people allowed inside at once; ZON-4 limits are a share of it.
  capacity int CHECK (capacity IS NULL OR capacity > 0),
  responsible_name text,
  responsible_phone_cipher bytea,
  responsible_phone_masked text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  version int NOT NULL DEFAULT 1,
  UNIQUE (jurisdiction_code, name)
);
ALTER TABLE venues ENABLE ROW LEVEL SECURITY;
CREATE POLICY venues_scope ON venues
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON venues TO fangkong_app;

-- One row per scan, kept narrow: the city's busiest table (tens of millions a week). The visitor is
-- their keyed ID hash (the same HMAC as persons.id_hash and checkpoint_passes.id_hash), so a case's
-- visits, a checkpoint's passes and a person join on it; the identity itself is sealed once per
-- venue jurisdiction in check_in_identities. Partitioned by day on checked_in_at: the platform
-- creates partitions ahead and drops them at the end of retention (src/platform/db/partitions.ts).
-- jurisdiction_code is the venue's, for scope and for distribution by it.
CREATE TABLE check_ins (
  venue_id uuid NOT NULL,
  jurisdiction_code text COLLATE "C" NOT NULL,
  checked_in_at timestamptz NOT NULL,
  id_hash bytea NOT NULL,
  -- 'scan' (the public page), 'feed' (a bulk feed or sheet), 'staff' (typed by staff).
  source text NOT NULL DEFAULT 'scan' CHECK (source IN ('scan', 'feed', 'staff'))
) PARTITION BY RANGE (checked_in_at);
-- A re-sent scan or feed row is the same check-in; this index also serves "who was at this venue then".
CREATE UNIQUE INDEX check_ins_venue_time ON check_ins (venue_id, checked_in_at, id_hash);
-- A person's visits (a case's timeline, contacts of contacts).
CREATE INDEX check_ins_visitor ON check_ins (id_hash, checked_in_at);
ALTER TABLE check_ins ENABLE ROW LEVEL SECURITY;
CREATE POLICY check_ins_scope ON check_ins
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT ON check_ins TO fangkong_app;

-- The identity behind an id_hash, sealed like a person's (encrypted, masked), once per venue
-- jurisdiction where the person checked in: what staff may read follows the venues in their scope.
CREATE TABLE check_in_identities (
  jurisdiction_code text COLLATE "C" NOT NULL,
  id_hash bytea NOT NULL,
  name text NOT NULL,
  id_cipher bytea NOT NULL,
  id_masked text NOT NULL,
  phone_cipher bytea,
  phone_masked text,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (jurisdiction_code, id_hash)
);
CREATE INDEX check_in_identities_hash ON check_in_identities (id_hash);
ALTER TABLE check_in_identities ENABLE ROW LEVEL SECURITY;
CREATE POLICY check_in_identities_scope ON check_in_identities
  USING (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]))
  WITH CHECK (jurisdiction_code ^@ ANY ((SELECT fangkong_scope())::text[]));
GRANT SELECT, INSERT, UPDATE ON check_in_identities TO fangkong_app;
