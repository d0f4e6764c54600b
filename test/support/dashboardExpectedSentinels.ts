import type { Database } from '../../src/platform/db/types.js';

/**
 * The sentinel tile's count figures (MON-1, MON-3, MON-5) counted straight from the base tables:
 * fever-clinic visits on the local day `today` in `zone`, the rounded mean of the same weekday's
 * visits over the 4 weeks before, active schools without a report today, and positive environment
 * and goods samples resulted since Monday. None when the tile is hidden (no active sentinel site).
 */
export async function expectedSentinelFigures(
  db: Database,
  root: string,
  zone: string,
  today: string,
): Promise<Map<string, number>> {
  const [row] = await db.query<
    { sites: number; feverToday: number; sameWeekdays: number } & Record<string, number>
  >(
    `SELECT (SELECT count(*) FROM sentinel_sites WHERE active AND jurisdiction_code LIKE $1)::int AS sites,
       (SELECT count(*) FROM sentinel_fever_visits WHERE jurisdiction_code LIKE $1
         AND (visited_at AT TIME ZONE $2)::date = $3::date)::int AS "feverToday",
       (SELECT count(*) FROM sentinel_fever_visits WHERE jurisdiction_code LIKE $1
         AND (visited_at AT TIME ZONE $2)::date IN ($3::date - 7, $3::date - 14, $3::date - 21, $3::date - 28))::int
         AS "sameWeekdays",
       (SELECT count(*) FROM sentinel_sites s WHERE s.active AND s.kind = 'school' AND s.jurisdiction_code LIKE $1
         AND NOT EXISTS (SELECT 1 FROM sentinel_school_reports r WHERE r.site_id = s.id AND r.day = $3::date))::int
         AS "schoolsMissing",
       (SELECT count(*) FROM sentinel_samples WHERE jurisdiction_code LIKE $1 AND result = 'positive'
         AND (resulted_at AT TIME ZONE $2)::date >= date_trunc('week', $3::date)::date)::int AS "positivesWeek"`,
    [`${root}%`, zone, today],
  );
  if (!row || row.sites === 0) return new Map();
  return new Map([
    ['sentinels.feeds.feverToday', row.feverToday],
    ['sentinels.feeds.feverBaseline', Math.round(row.sameWeekdays / 4)],
    ['sentinels.feeds.schoolsMissing', row.schoolsMissing!],
    ['sentinels.feeds.positivesWeek', row.positivesWeek!],
  ]);
}
