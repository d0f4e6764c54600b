-- CMD-1: the four-level network and its grids. Codes are GB/T 2260 (2/4/6 digits) and the
-- statistical codes below (town 9, village/community 12); grids add 3 digits under a community,
-- so every subtree is a code prefix.
CREATE TABLE jurisdictions (
  code text COLLATE "C" PRIMARY KEY CHECK (code ~ '^\d{2,15}$'),
  parent_code text COLLATE "C" REFERENCES jurisdictions (code),
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'city', 'county', 'town', 'village', 'grid')),
  initials text COLLATE "C" NOT NULL DEFAULT '',
  time_zone text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jurisdictions_parent ON jurisdictions (parent_code, code);
CREATE INDEX jurisdictions_name ON jurisdictions (name COLLATE "C");
CREATE INDEX jurisdictions_initials ON jurisdictions (initials);

-- A user sees their subtrees and the path above them (to show where they are), nothing else.
ALTER TABLE jurisdictions ENABLE ROW LEVEL SECURITY;
CREATE POLICY jurisdictions_scope ON jurisdictions
  USING (code ^@ ANY (fangkong_scope()) OR EXISTS (SELECT 1 FROM unnest(fangkong_scope()) s WHERE s ^@ code))
  WITH CHECK (code ^@ ANY (fangkong_scope()));
GRANT SELECT, INSERT, UPDATE ON jurisdictions TO fangkong_app;
