-- The persons registry. ID numbers and phones are stored only encrypted (*_cipher), found by a
-- keyed hash (*_hash), and shown masked (*_masked).
CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_code text COLLATE "C" NOT NULL REFERENCES jurisdictions (code),
  name text COLLATE "C" NOT NULL,
  id_type text NOT NULL,
  id_cipher bytea NOT NULL,
  id_hash bytea NOT NULL,
  id_masked text NOT NULL,
  phone_cipher bytea,
  phone_hash bytea,
  phone_masked text,
  sex text CHECK (sex IN ('male', 'female')),
  birth_date date,
  address text,
  employer text,
  household_code text,
  key_groups text[] NOT NULL DEFAULT '{}',
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT persons_id_unique UNIQUE (id_hash)
);
CREATE INDEX persons_jurisdiction ON persons (jurisdiction_code, name);
CREATE INDEX persons_name ON persons (name);
CREATE INDEX persons_phone ON persons (phone_hash);
CREATE INDEX persons_household ON persons (household_code);
CREATE INDEX persons_key_groups ON persons USING gin (key_groups);

ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
CREATE POLICY persons_scope ON persons
  USING (jurisdiction_code ^@ ANY (fangkong_scope()))
  WITH CHECK (jurisdiction_code ^@ ANY (fangkong_scope()));
GRANT SELECT, INSERT, UPDATE, DELETE ON persons TO fangkong_app;

-- Uniqueness of ID numbers spans all jurisdictions, so a refused duplicate can link to the existing
-- record even when the caller cannot see it (following the link then answers 404).
CREATE FUNCTION fangkong_person_id_by_hash(h bytea) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT id FROM persons WHERE id_hash = h $$;
REVOKE ALL ON FUNCTION fangkong_person_id_by_hash(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_person_id_by_hash(bytea) TO fangkong_app;
