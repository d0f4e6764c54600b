-- ZON-5, ARR-7, ARR-9: risk areas published by other regions, kept with their history. Reference
-- data of all China, owned by no jurisdiction: no row-level security; writes go through the
-- service (permission risk_area.write). Codes are canonical (see src/rules/riskClassification.ts):
-- 2/4/6/9/12 digits, so an area contains exactly the codes it is a prefix of.
CREATE TABLE risk_areas (
  -- Derived from the natural key (src/modules/riskAreas/naturalId.ts): the same publication gets
  -- the same id however often it is imported.
  id uuid PRIMARY KEY,
  level text NOT NULL CHECK (level IN ('high', 'medium', 'low', 'key_concern')),
  division_code text COLLATE "C" NOT NULL CHECK (division_code ~ '^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$'),
  -- As published ("朝阳区某某小区"), often finer than any code.
  area_name text NOT NULL CHECK (length(area_name) BETWEEN 1 AND 200),
  province_name text,
  city_name text,
  district_name text,
  published_at timestamptz NOT NULL,
  -- A lift ends the record; a later publication for the same area (a level change) lifts it at
  -- the same instant, so at most one record per area is in force at any time.
  lifted_at timestamptz CHECK (lifted_at IS NULL OR lifted_at > published_at),
  publisher text NOT NULL CHECK (length(publisher) BETWEEN 1 AND 100),
  source_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid
);
-- One record per area and instant: the natural key (code, name, level, published) less the level,
-- so two levels published for one area at one instant are refused as a conflict. It also serves
-- lookups by code (equality and prefix ranges: "C" collation).
CREATE UNIQUE INDEX risk_areas_key ON risk_areas (division_code, area_name, published_at);
CREATE INDEX risk_areas_published ON risk_areas (published_at);
GRANT SELECT, INSERT, UPDATE ON risk_areas TO fangkong_app;

-- ARR-9 "对上海市、吉林市、满洲里市全域参照高风险地区进行管控": the HQ's live list of whole divisions
-- treated as a risk level, by code prefix ('31' Shanghai, '2202' Jilin city, '150781' Manzhouli).
CREATE TABLE risk_area_overrides (
  id uuid PRIMARY KEY,
  division_prefix text COLLATE "C" NOT NULL CHECK (division_prefix ~ '^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  treat_as text NOT NULL DEFAULT 'high' CHECK (treat_as IN ('high', 'medium')),
  valid_from timestamptz NOT NULL,
  valid_until timestamptz CHECK (valid_until IS NULL OR valid_until > valid_from),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid
);
CREATE UNIQUE INDEX risk_area_overrides_key ON risk_area_overrides (division_prefix, valid_from);
GRANT SELECT, INSERT, UPDATE ON risk_area_overrides TO fangkong_app;

-- high > medium > key_concern > low.
CREATE FUNCTION fangkong_risk_rank(level text) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE level WHEN 'high' THEN 4 WHEN 'medium' THEN 3 WHEN 'key_concern' THEN 2 WHEN 'low' THEN 1 ELSE 0 END
$$;

-- canonicalDivisionCode() of src/rules/riskClassification.ts: GB/T 2260 padding stripped
-- (310000 → 31, 220200 → 2202, 211122000000 → 211122), so containment is a code prefix. One flat
-- expression over `code`, so that PostgreSQL inlines it into bulk queries.
CREATE FUNCTION fangkong_canonical_code(code text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN code !~ '^(\d{4}|\d{6}|\d{9}|\d{12})$' OR code ~ '^0+$' THEN code
    ELSE left(code, CASE WHEN ltrim(substr(code, 3), '0') = '' THEN 2
                         WHEN ltrim(substr(code, 5), '0') = '' THEN 4
                         WHEN ltrim(substr(code, 7), '0') = '' THEN 6
                         WHEN ltrim(substr(code, 10), '0') = '' THEN 9
                         ELSE 12 END) END
$$;

-- Every canonical code that contains the (canonical) `code`, itself included: an area contains
-- the origin iff its code is one of these, which an index answers by equality.
CREATE FUNCTION fangkong_code_prefixes(code text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY[left(code, 2), left(code, 4), left(code, 6), left(code, 9), left(code, 12)]
$$;

-- ARR-7: the highest level in force at `at` (when the person was there) among areas containing
-- the origin, and overrides over it; NULL when none. Mirrors classifyAt() in TypeScript.
CREATE FUNCTION fangkong_origin_risk(code text, at timestamptz) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT l.level FROM (
    SELECT o.treat_as AS level FROM risk_area_overrides o
     WHERE o.division_prefix = ANY (fangkong_code_prefixes(fangkong_canonical_code(code)))
       AND o.valid_from <= at AND (o.valid_until IS NULL OR o.valid_until > at)
    UNION ALL
    SELECT a.level FROM risk_areas a
     WHERE a.division_code = ANY (fangkong_code_prefixes(fangkong_canonical_code(code)))
       AND a.published_at <= at AND (a.lifted_at IS NULL OR a.lifted_at > at)
  ) l
  ORDER BY fangkong_risk_rank(l.level) DESC LIMIT 1
$$;

-- ARR-9 "高风险地区所在区": the highest of high/medium in force at `at` among areas in the origin's
-- district (its first 6 digits) or containing it, and overrides over the origin; NULL when none.
CREATE FUNCTION fangkong_origin_district_risk(code text, at timestamptz) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT l.level FROM (
    SELECT o.treat_as AS level FROM risk_area_overrides o
     WHERE o.division_prefix = ANY (fangkong_code_prefixes(fangkong_canonical_code(code)))
       AND o.valid_from <= at AND (o.valid_until IS NULL OR o.valid_until > at)
    UNION ALL
    SELECT a.level FROM risk_areas a
     WHERE ((a.division_code >= left(fangkong_canonical_code(code), 6)
             AND a.division_code < left(fangkong_canonical_code(code), 6) || ':')
            OR a.division_code = ANY (ARRAY[left(fangkong_canonical_code(code), 2), left(fangkong_canonical_code(code), 4)]))
       AND a.level IN ('high', 'medium')
       AND a.published_at <= at AND (a.lifted_at IS NULL OR a.lifted_at > at)
  ) l
  ORDER BY fangkong_risk_rank(l.level) DESC LIMIT 1
$$;

GRANT EXECUTE ON FUNCTION fangkong_risk_rank(text), fangkong_canonical_code(text), fangkong_code_prefixes(text),
  fangkong_origin_risk(text, timestamptz), fangkong_origin_district_risk(text, timestamptz) TO fangkong_app;

-- Division names are public (GB/T 2260), but jurisdictions are row-secured to the caller's
-- subtrees; a published area anywhere in China is named from them through this, down to
-- villages (12 digits), never grids.
CREATE FUNCTION fangkong_division_names(codes text[]) RETURNS TABLE (code text, name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT j.code, j.name FROM jurisdictions j WHERE j.code = ANY (codes) AND length(j.code) <= 12 $$;
REVOKE ALL ON FUNCTION fangkong_division_names(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fangkong_division_names(text[]) TO fangkong_app;
