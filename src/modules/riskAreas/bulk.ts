/**
 * Bulk classification (ARR-7, ARR-9) of a big-data push list: one set-based query that joins the
 * rows with the registry — hash joins on the five code prefixes of each origin and on its
 * district — instead of calling fangkong_origin_risk once per row (an index probe and an executor
 * start each: 45 times slower on PGlite). Same rule as classifyAt(); a property test holds them
 * together.
 */

const LEVEL_OF_RANK = "(ARRAY['low', 'key_concern', 'medium', 'high'])";

/**
 * SQL classifying every row of `source` — a relation or parenthesised subquery with columns
 * `key` (unique), `code` (the origin's division code, text) and `at` (timestamptz: when the person
 * was there) — into rows (key, origin_risk, origin_district_risk), NULL where nothing applies.
 * `source` is spliced in as SQL: pass a table name or query text of your own, never user input.
 * Use it as a query of its own or as a CTE: `WITH c AS (${classifySourceSql('staged')}) …`.
 */
export function classifySourceSql(source: string): string {
  return `WITH fk_origins AS MATERIALIZED (
    SELECT s.key, fangkong_canonical_code(s.code) AS c, s.at FROM ${source} s),
  -- The code lengths of the levels (fangkong_code_prefixes): a join on left(code, len) is a hash
  -- join, where unnesting each origin's prefixes made a nested loop (1.7× slower on PostgreSQL).
  fk_prefix_lengths (len) AS (VALUES (2), (4), (6), (9), (12)),
  -- A district holds tens of high/medium records; merged per level into disjoint spans
  -- [published, lifted) (gaps and islands), an origin meets at most one span per level.
  fk_district_records AS (
    SELECT left(division_code, 6) AS d, fangkong_risk_rank(level) AS r, published_at AS s,
      coalesce(lifted_at, 'infinity') AS e
    FROM risk_areas WHERE level IN ('high', 'medium') AND length(division_code) > 6),
  fk_district_islands AS (
    SELECT d, r, s, e, count(*) FILTER (WHERE s > reach) OVER (PARTITION BY d, r ORDER BY s, e) AS island
    FROM (SELECT *, max(e) OVER (PARTITION BY d, r ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
          FROM fk_district_records) x),
  fk_district_spans AS (SELECT d, r, min(s) AS s, max(e) AS e FROM fk_district_islands GROUP BY d, r, island),
  fk_hits AS (
    -- Areas containing the origin: one of its five prefixes (ARR-7).
    SELECT p.key, fangkong_risk_rank(a.level) AS o,
      CASE WHEN a.level IN ('high', 'medium') THEN fangkong_risk_rank(a.level) END AS d
    FROM fk_origins p CROSS JOIN fk_prefix_lengths n
    JOIN risk_areas a ON a.division_code = left(p.c, n.len)
    WHERE a.published_at <= p.at AND (a.lifted_at IS NULL OR a.lifted_at > p.at)
    UNION ALL
    -- Finer areas elsewhere in the origin's district (ARR-9 高风险地区所在区), as merged spans.
    SELECT p.key, NULL, s.r
    FROM fk_origins p JOIN fk_district_spans s ON s.d = left(p.c, 6) AND s.s <= p.at AND s.e > p.at
    WHERE length(p.c) >= 6
    UNION ALL
    -- An origin known only to its province or city: every area in it (its "district" is itself).
    SELECT p.key, NULL, fangkong_risk_rank(a.level)
    FROM fk_origins p JOIN risk_areas a ON a.division_code >= p.c AND a.division_code < p.c || ':'
    WHERE length(p.c) < 6 AND a.level IN ('high', 'medium')
      AND a.published_at <= p.at AND (a.lifted_at IS NULL OR a.lifted_at > p.at)
    UNION ALL
    -- Whole-division overrides raise both (ARR-9 全域参照高风险地区管控).
    SELECT p.key, fangkong_risk_rank(o.treat_as), fangkong_risk_rank(o.treat_as)
    FROM fk_origins p CROSS JOIN fk_prefix_lengths n
    JOIN risk_area_overrides o ON o.division_prefix = left(p.c, n.len)
    WHERE o.valid_from <= p.at AND (o.valid_until IS NULL OR o.valid_until > p.at)),
  fk_ranked AS (SELECT key, max(o) AS o, max(d) AS d FROM fk_hits GROUP BY key)
  SELECT p.key, ${LEVEL_OF_RANK}[r.o] AS origin_risk, ${LEVEL_OF_RANK}[r.d] AS origin_district_risk
  FROM fk_origins p LEFT JOIN fk_ranked r ON r.key = p.key`;
}
