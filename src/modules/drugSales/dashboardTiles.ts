import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { DRUG_CLASSES, type DrugClass } from '../../rules/drugSales.js';
import { FOLLOW_UP_KIND, SALE_DAY_SUBJECT } from './followUpDeadlines.js';

const CLASS_LABELS: Record<DrugClass, { zh: string; en: string }> = {
  antipyretic: { zh: '今日退热', en: 'Antipyretic today' },
  antitussive: { zh: '今日止咳', en: 'Antitussive today' },
  antiviral: { zh: '今日抗病毒', en: 'Antiviral today' },
  antibiotic: { zh: '今日抗生素', en: 'Antibiotic today' },
};

/**
 * MON-2: today's four-class sales over the jurisdiction (all and per class), the sales awaiting
 * follow-up and those whose follow-up is overdue, with the last 14 days' sales as a trend. Hidden
 * where no outlet is registered.
 */
async function sales(request: DashboardRequest): Promise<TileBody | null> {
  const { tx, jurisdiction, days, now } = request;
  // No tile where no outlet registers sales: the feed does not run there.
  const [outlet] = await tx.query('SELECT 1 FROM drug_outlets WHERE jurisdiction_code ^@ $1 LIMIT 1', [
    jurisdiction,
  ]);
  if (!outlet) return null;
  const today = days[days.length - 1] ?? '';
  const [counts] = await tx.query<Record<string, number>>(
    `SELECT count(*) FILTER (WHERE s.sale_day = $2::date)::int AS today,
       ${DRUG_CLASSES.map((c) => `count(*) FILTER (WHERE s.sale_day = $2::date AND '${c}' = ANY(s.classes))::int AS "${c}"`).join(', ')},
       count(*) FILTER (WHERE s.followed_up_at IS NULL)::int AS awaiting,
       count(*) FILTER (WHERE s.followed_up_at IS NULL AND dl.due_at < $3)::int AS overdue
     FROM drug_sales s
     LEFT JOIN drug_sale_days d ON d.outlet_id = s.outlet_id AND d.day = s.sale_day
     LEFT JOIN deadlines dl ON dl.subject_type = '${SALE_DAY_SUBJECT}' AND dl.subject_id = d.id
       AND dl.kind = '${FOLLOW_UP_KIND}' AND dl.done_at IS NULL AND dl.cancelled_at IS NULL
     WHERE s.jurisdiction_code ^@ $1 AND (s.sale_day = $2::date OR s.followed_up_at IS NULL)`,
    [jurisdiction, today, now.toISOString()],
  );
  if (!counts) return null;
  const trend = await tx.query<{ day: string; n: number }>(
    `SELECT to_char(sale_day, 'YYYY-MM-DD') AS day, count(*)::int AS n FROM drug_sales
     WHERE jurisdiction_code ^@ $1 AND sale_day BETWEEN $2::date AND $3::date GROUP BY sale_day`,
    [jurisdiction, days[0], today],
  );
  const byDay = new Map(trend.map((t) => [t.day, t.n]));
  const list = (filters: Record<string, string | undefined>) =>
    drill('/drug-sales', { ...filters, jurisdiction });
  const todayList = (drugClass?: string) => list({ state: 'all', drugClass, from: today, to: today });
  return {
    figures: [
      {
        key: 'today',
        label: { zh: '今日售出', en: 'Sold today' },
        value: counts.today ?? 0,
        drill: todayList(),
      },
      ...DRUG_CLASSES.map((c) => ({
        key: c,
        label: CLASS_LABELS[c],
        value: counts[c] ?? 0,
        drill: todayList(c),
      })),
      {
        key: 'awaiting',
        label: { zh: '待回访', en: 'Awaiting follow-up' },
        value: counts.awaiting ?? 0,
        drill: list({ state: 'awaiting' }),
        tone: (counts.awaiting ?? 0) > 0 ? 'warning' : 'normal',
      },
      {
        key: 'overdue',
        label: { zh: '回访超时', en: 'Follow-up overdue' },
        value: counts.overdue ?? 0,
        drill: list({ state: 'overdue' }),
        tone: (counts.overdue ?? 0) > 0 ? 'danger' : 'good',
      },
    ],
    trend: {
      days: [...days],
      series: [
        {
          key: 'sales',
          label: { zh: '四类药品售出', en: 'Four-class sales' },
          values: days.map((day) => byDay.get(day) ?? 0),
        },
      ],
    },
  };
}

/** The drugSales module's tiles on the situation dashboard. */
export const drugSalesTiles: readonly DashboardTile[] = [
  {
    id: 'drugSales.sales',
    order: 77,
    permission: 'sentinel.read',
    title: { zh: '四类药品销售监测', en: 'Four-class drug sales' },
    load: sales,
  },
];
