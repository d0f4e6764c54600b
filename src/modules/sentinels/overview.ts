import type { Queryable } from '../../platform/db/types.js';
import type { FeedDef, SiteKind } from '../../rules/sentinels.js';
import { weekStart } from '../../rules/sentinels.js';
import { addLocalDays } from '../../rules/truckReport.js';

/** One site's daily (or weekly) values, oldest first; null where a report that was due is missing. */
interface SiteSeries {
  id: string;
  name: string;
  kind: SiteKind;
  jurisdictionName: string;
  values: Array<number | null>;
}

interface PositiveSample {
  id: string;
  siteName: string;
  jurisdictionName: string;
  kind: string;
  item: string;
  sampledAt: string;
  resultedAt: string;
}

interface SentinelOverview {
  days: string[];
  /** MON-1: visits per fever clinic and day. */
  feverVisits: SiteSeries[];
  /** School absence for illness per school and day; null: no report (neither counts nor zero report). */
  schoolAbsence: SiteSeries[];
  /** MON-5: share of ILI among visits (%, one decimal) per hospital and day; null: no report. */
  iliShare: SiteSeries[];
  /** MON-5: unexplained pneumonia cases per hospital and day; null: no report. */
  pneumonia: SiteSeries[];
  /** MON-3: the weeks (their Mondays) of the sample series, oldest first; the last is this week. */
  weeks: string[];
  /** Samples per weekly-sample place and week; null: none taken in a week that has ended or is this one. */
  samples: SiteSeries[];
  positives: PositiveSample[];
}

/** Days a series shows at most. */
export const MAX_OVERVIEW_DAYS = 60;
const SAMPLE_WEEKS = 4;

interface SiteRow {
  id: string;
  name: string;
  kind: SiteKind;
  jurisdiction_name: string;
  weekly_sample: boolean;
}

/**
 * The feeds' recent series under `jurisdiction` (MON-1, MON-3, MON-5; the CDC's data page), one
 * series per site so that a missing report shows where it is missing. Runs in the caller's scope.
 */
export async function sentinelOverview(
  tx: Queryable,
  jurisdiction: string,
  today: string,
  dayCount: number,
  timeZone: string,
): Promise<SentinelOverview> {
  const days = Array.from({ length: dayCount }, (_, i) => addLocalDays(today, i - dayCount + 1));
  const first = days[0] ?? today;
  const thisWeek = weekStart(today);
  const weeks = Array.from({ length: SAMPLE_WEEKS }, (_, i) =>
    addLocalDays(thisWeek, 7 * (i - SAMPLE_WEEKS + 1)),
  );
  const sites = await tx.query<SiteRow>(
    `SELECT s.id, s.name, s.kind, j.name AS jurisdiction_name, s.weekly_sample
     FROM sentinel_sites s JOIN jurisdictions j ON j.code = s.jurisdiction_code
     WHERE s.active AND s.jurisdiction_code ^@ $1 ORDER BY j.code, s.name LIMIT 2000`,
    [jurisdiction],
  );
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const series = (kinds: SiteKind[], fill: number | null, length = days.length) =>
    new Map(
      sites
        .filter((s) => kinds.includes(s.kind))
        .map((s) => [
          s.id,
          {
            id: s.id,
            name: s.name,
            kind: s.kind,
            jurisdictionName: s.jurisdiction_name,
            values: Array<number | null>(length).fill(fill),
          },
        ]),
    );
  const fever = series(['fever_clinic'], 0);
  const school = series(['school'], null);
  const ili = series(['hospital'], null);
  const pneumonia = series(['hospital'], null);
  const samples = new Map(
    [...series(['fever_clinic', 'hospital', 'market', 'cold_chain', 'port'], null, weeks.length)].filter(
      ([id]) => sites.find((s) => s.id === id)?.weekly_sample,
    ),
  );
  const put = (map: Map<string, SiteSeries>, site: string, index: number | undefined, value: number) => {
    const entry = map.get(site);
    if (entry && index !== undefined) entry.values[index] = value;
  };
  const feverRows = await tx.query<{ site_id: string; day: string; n: number }>(
    `SELECT site_id, to_char((visited_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day, count(*)::int AS n
     FROM sentinel_fever_visits
     WHERE jurisdiction_code ^@ $1 AND visited_at >= ($2::date::timestamp AT TIME ZONE $3)
     GROUP BY 1, 2`,
    [jurisdiction, first, timeZone],
  );
  for (const r of feverRows) put(fever, r.site_id, dayIndex.get(r.day), r.n);
  const schoolRows = await tx.query<{ site_id: string; day: string; n: number }>(
    `SELECT site_id, to_char(day, 'YYYY-MM-DD') AS day, absent_illness AS n FROM sentinel_school_reports
     WHERE jurisdiction_code ^@ $1 AND day >= $2::date`,
    [jurisdiction, first],
  );
  for (const r of schoolRows) put(school, r.site_id, dayIndex.get(r.day), r.n);
  const iliRows = await tx.query<{
    site_id: string;
    day: string;
    ili: number;
    total: number;
    pneumonia: number;
  }>(
    `SELECT site_id, to_char(day, 'YYYY-MM-DD') AS day, ili_visits AS ili, total_visits AS total,
       pneumonia_cases AS pneumonia
     FROM sentinel_ili_reports WHERE jurisdiction_code ^@ $1 AND day >= $2::date`,
    [jurisdiction, first],
  );
  for (const r of iliRows) {
    put(ili, r.site_id, dayIndex.get(r.day), r.total === 0 ? 0 : Math.round((1000 * r.ili) / r.total) / 10);
    put(pneumonia, r.site_id, dayIndex.get(r.day), r.pneumonia);
  }
  const sampleRows = await tx.query<{ site_id: string; week: string; n: number }>(
    `SELECT site_id, to_char(date_trunc('week', (sampled_at AT TIME ZONE $3))::date, 'YYYY-MM-DD') AS week,
       count(*)::int AS n
     FROM sentinel_samples
     WHERE jurisdiction_code ^@ $1 AND kind = 'environment' AND sampled_at >= ($2::date::timestamp AT TIME ZONE $3)
     GROUP BY 1, 2`,
    [jurisdiction, weeks[0], timeZone],
  );
  for (const r of sampleRows) put(samples, r.site_id, weekIndex.get(r.week), r.n);
  const positives = await tx.query<{
    id: string;
    site_name: string;
    jurisdiction_name: string;
    kind: string;
    item: string;
    sampled_at: Date;
    resulted_at: Date;
  }>(
    `SELECT p.id, s.name AS site_name, j.name AS jurisdiction_name, p.kind, p.item, p.sampled_at, p.resulted_at
     FROM sentinel_samples p JOIN sentinel_sites s ON s.id = p.site_id JOIN jurisdictions j ON j.code = p.jurisdiction_code
     WHERE p.jurisdiction_code ^@ $1 AND p.result = 'positive' AND p.resulted_at >= ($2::date::timestamp AT TIME ZONE $3)
     ORDER BY p.resulted_at DESC LIMIT 100`,
    [jurisdiction, first < (weeks[0] ?? first) ? first : weeks[0], timeZone],
  );
  return {
    days,
    feverVisits: [...fever.values()],
    schoolAbsence: [...school.values()],
    iliShare: [...ili.values()],
    pneumonia: [...pneumonia.values()],
    weeks,
    samples: [...samples.values()],
    positives: positives.map((p) => ({
      id: p.id,
      siteName: p.site_name,
      jurisdictionName: p.jurisdiction_name,
      kind: p.kind,
      item: p.item,
      sampledAt: new Date(p.sampled_at).toISOString(),
      resultedAt: new Date(p.resulted_at).toISOString(),
    })),
  };
}

/** A feed's rows sent in the last days, newest first, with their site's name (the entry page's list). */
export async function recentRows(
  tx: Queryable,
  feed: FeedDef,
  since: Date,
  limit: number,
): Promise<Array<Record<string, unknown>>> {
  const select = feed.columns.map((c) => {
    if (c.type === 'date') return `to_char(f.${c.column}, 'YYYY-MM-DD') AS "${c.key}"`;
    if (c.type === 'temperature') return `f.${c.column}::float8 AS "${c.key}"`;
    return `f.${c.column} AS "${c.key}"`;
  });
  const rows = await tx.query<Record<string, unknown>>(
    `SELECT f.id, f.site_id AS "siteId", s.name AS "siteName", f.reported_at AS "reportedAt", ${select.join(', ')}
     FROM ${feed.table} f JOIN sentinel_sites s ON s.id = f.site_id
     WHERE f.reported_at >= $1 OR f.${feed.time} >= $1
     ORDER BY f.${feed.time} DESC, s.name LIMIT $2`,
    [since, limit],
  );
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
    ),
  );
}
