import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';

/**
 * MON-4: open alerts of the jurisdiction by state, and the open ones assessed as high risk; each
 * figure counts the rows of the alerts list its drill opens.
 */
async function openAlerts(request: DashboardRequest): Promise<TileBody> {
  const { tx, jurisdiction } = request;
  const [row] = await tx.query<{ raised: number; acknowledged: number; assessed: number; high: number }>(
    `SELECT count(*) FILTER (WHERE state = 'raised')::int AS raised,
       count(*) FILTER (WHERE state = 'acknowledged')::int AS acknowledged,
       count(*) FILTER (WHERE state = 'assessed')::int AS assessed,
       count(*) FILTER (WHERE risk_level = 'high')::int AS high
     FROM alerts WHERE state <> 'closed' AND jurisdiction_code >= $1 AND jurisdiction_code < $2`,
    [jurisdiction, `${jurisdiction}:`],
  );
  const counts = row ?? { raised: 0, acknowledged: 0, assessed: 0, high: 0 };
  const page = (filters: Record<string, string>) => drill('/alerts', { ...filters, jurisdiction });
  return {
    figures: [
      {
        key: 'raised',
        label: { zh: '待确认', en: 'To acknowledge' },
        value: counts.raised,
        drill: page({ state: 'raised' }),
        tone: counts.raised > 0 ? 'danger' : 'normal',
      },
      {
        key: 'acknowledged',
        label: { zh: '待评估', en: 'To assess' },
        value: counts.acknowledged,
        drill: page({ state: 'acknowledged' }),
        tone: counts.acknowledged > 0 ? 'warning' : 'normal',
      },
      {
        key: 'assessed',
        label: { zh: '已评估待处置', en: 'Assessed, open' },
        value: counts.assessed,
        drill: page({ state: 'assessed' }),
      },
      {
        key: 'high',
        label: { zh: '高风险', en: 'High risk' },
        value: counts.high,
        drill: page({ state: 'open', riskLevel: 'high' }),
        tone: counts.high > 0 ? 'danger' : 'normal',
      },
    ],
  };
}

/** The alerts module's tiles on the situation dashboard. */
export const alertsTiles: readonly DashboardTile[] = [
  {
    id: 'alerts.open',
    order: 75,
    permission: 'alert.read',
    title: { zh: '多点触发预警', en: 'Multi-point alerts' },
    load: openAlerts,
  },
];
