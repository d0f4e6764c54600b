import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { weekStart } from '../../rules/sentinels.js';
import { addLocalDays } from '../../rules/truckReport.js';

/** Weeks of the same weekday whose mean is today's fever-visit baseline (MON-4's example: 4 weeks). */
const BASELINE_WEEKS = 4;

/**
 * MON-1, MON-3, MON-5 at a glance: fever-clinic visits today against the same weekday's mean over
 * the previous 4 weeks, schools without today's report (a zero report counts as reported), positive
 * environment and goods samples this week, and yesterday's ILI share. Null (no tile) where the
 * jurisdiction has no sentinel site.
 */
async function feeds(request: DashboardRequest): Promise<TileBody | null> {
  const { tx, jurisdiction, timeZone, days } = request;
  const today = days.at(-1) ?? '';
  const [sites] = await tx.query<{ n: number; schools: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE kind = 'school')::int AS schools
     FROM sentinel_sites WHERE active AND jurisdiction_code ^@ $1`,
    [jurisdiction],
  );
  if (!sites || sites.n === 0) return null;
  const first = days[0] ?? today;
  const sameWeekdays = Array.from({ length: BASELINE_WEEKS }, (_, i) => addLocalDays(today, -7 * (i + 1)));
  const visits = await tx.query<{ day: string; n: number }>(
    `SELECT to_char((visited_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS day, count(*)::int AS n
     FROM sentinel_fever_visits
     WHERE jurisdiction_code ^@ $1 AND visited_at >= (least($3::date, $4::date)::timestamp AT TIME ZONE $2)
     GROUP BY 1`,
    [jurisdiction, timeZone, first, sameWeekdays.at(-1)],
  );
  const perDay = new Map(visits.map((v) => [v.day, v.n]));
  const todayVisits = perDay.get(today) ?? 0;
  const baseline = Math.round(
    sameWeekdays.reduce((sum, d) => sum + (perDay.get(d) ?? 0), 0) / BASELINE_WEEKS,
  );
  const [school] = await tx.query<{ reported: number }>(
    `SELECT count(DISTINCT r.site_id)::int AS reported FROM sentinel_school_reports r
     JOIN sentinel_sites s ON s.id = r.site_id AND s.active AND s.kind = 'school'
     WHERE r.jurisdiction_code ^@ $1 AND r.day = $2::date`,
    [jurisdiction, today],
  );
  const [positives] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM sentinel_samples
     WHERE jurisdiction_code ^@ $1 AND result = 'positive' AND resulted_at >= ($2::date::timestamp AT TIME ZONE $3)`,
    [jurisdiction, weekStart(today), timeZone],
  );
  const [ili] = await tx.query<{ ili: number | null; total: number | null }>(
    `SELECT sum(ili_visits)::int AS ili, sum(total_visits)::int AS total FROM sentinel_ili_reports
     WHERE jurisdiction_code ^@ $1 AND day = $2::date`,
    [jurisdiction, addLocalDays(today, -1)],
  );
  const page = drill('/sentinels/data', { jurisdiction });
  const missingSchools = sites.schools - (school?.reported ?? 0);
  const share = ili?.total ? Math.round((1000 * (ili.ili ?? 0)) / ili.total) / 10 : 0;
  return {
    figures: [
      {
        key: 'feverToday',
        label: { zh: '今日发热门诊就诊', en: 'Fever-clinic visits today' },
        value: todayVisits,
        drill: page,
        tone: baseline > 0 && todayVisits >= 1.5 * baseline ? 'warning' : 'normal',
      },
      {
        key: 'feverBaseline',
        label: { zh: '近4周同日均值', en: 'Same weekday, 4-week mean' },
        value: baseline,
        drill: page,
      },
      {
        key: 'schoolsMissing',
        label: { zh: '今日未报学校', en: 'Schools not reported today' },
        value: missingSchools,
        drill: page,
        tone: missingSchools > 0 ? 'warning' : 'good',
      },
      {
        key: 'positivesWeek',
        label: { zh: '本周环境物品阳性', en: 'Positive samples this week' },
        value: positives?.n ?? 0,
        drill: page,
        tone: (positives?.n ?? 0) > 0 ? 'danger' : 'good',
      },
      {
        key: 'iliShare',
        label: { zh: '昨日流感样病例占比', en: 'ILI share yesterday' },
        value: share,
        drill: page,
        unit: 'percent',
      },
    ],
    trend: {
      days: [...days],
      series: [
        {
          key: 'feverVisits',
          label: { zh: '发热门诊就诊', en: 'Fever-clinic visits' },
          values: days.map((d) => perDay.get(d) ?? 0),
        },
      ],
    },
  };
}

/** The sentinels module's tiles on the situation dashboard. */
export const sentinelsTiles: readonly DashboardTile[] = [
  {
    id: 'sentinels.feeds',
    order: 75,
    permission: 'sentinel.read',
    title: { zh: '哨点监测', en: 'Sentinel surveillance' },
    load: feeds,
  },
];
