-- B7: an origin known only to a level (a district) that contains a published area finer than it.
-- The highest level in force at `at` among areas and overrides strictly inside the origin; NULL
-- when none. Mirrors classifyAt()'s finerRisk in src/rules/riskClassification.ts (a property test
-- holds the two equal). Prefix ranges on the "C"-collated codes use the existing indexes.
CREATE FUNCTION fangkong_origin_finer_risk(code text, at timestamptz) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT l.level FROM (
    SELECT o.treat_as AS level FROM risk_area_overrides o
     WHERE o.division_prefix ^@ fangkong_canonical_code(code)
       AND length(o.division_prefix) > length(fangkong_canonical_code(code))
       AND o.valid_from <= at AND (o.valid_until IS NULL OR o.valid_until > at)
    UNION ALL
    SELECT a.level FROM risk_areas a
     WHERE a.division_code > fangkong_canonical_code(code)
       AND a.division_code < fangkong_canonical_code(code) || ':'
       AND a.published_at <= at AND (a.lifted_at IS NULL OR a.lifted_at > at)
  ) l
  ORDER BY fangkong_risk_rank(l.level) DESC LIMIT 1
$$;

-- ARR-9: the name of the HQ's whole-division override in force over the origin at `at` (the
-- highest, then the finest), so that a plan made on it can say which override raised the origin.
CREATE FUNCTION fangkong_origin_override_name(code text, at timestamptz) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT o.name FROM risk_area_overrides o
   WHERE o.division_prefix = ANY (fangkong_code_prefixes(fangkong_canonical_code(code)))
     AND o.valid_from <= at AND (o.valid_until IS NULL OR o.valid_until > at)
   ORDER BY fangkong_risk_rank(o.treat_as) DESC, length(o.division_prefix) DESC LIMIT 1
$$;

GRANT EXECUTE ON FUNCTION fangkong_origin_finer_risk(text, timestamptz),
  fangkong_origin_override_name(text, timestamptz) TO fangkong_app;
