import { daysSpan, perDay } from '../../platform/surfaces/days.js';
import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, Text, TileBody } from '../../platform/surfaces/types.js';
import { openControls, overdueTubes, positivesPerDay, resultedByLabsSince } from './dashboardCounts.js';

const KINDS: ReadonlyArray<{ kind: 'pool' | 'single'; pooled: boolean; label: Text }> = [
  { kind: 'pool', pooled: true, label: { zh: '混采管阳性', en: 'Positive pools' } },
  { kind: 'single', pooled: false, label: { zh: '单管阳性', en: 'Positive single tubes' } },
];

const REASONS: ReadonlyArray<{ reason: string; label: Text }> = [
  { reason: 'pool_positive', label: { zh: '混采阳性待单管复核', en: 'Positive pool, awaiting re-test' } },
  { reason: 'individual_positive', label: { zh: '单管阳性', en: 'Positive single tube' } },
];

const today = (request: DashboardRequest) => request.days[request.days.length - 1] ?? '';

/** TST-1, TST-3: positive tubes today, pools and single tubes, and their trend. */
async function positives(request: DashboardRequest): Promise<TileBody> {
  const { tx, jurisdiction: root, days, timeZone } = request;
  const rows = await positivesPerDay(tx, root, days, timeZone);
  const day = today(request);
  const list = (kind: string) =>
    drill('/lab-work', { tab: 'positives', jurisdiction: root, from: day, to: day, kind });
  return {
    figures: KINDS.map(({ kind, pooled, label }) => {
      const value = rows.filter((r) => r.day === day && r.pooled === pooled).reduce((n, r) => n + r.n, 0);
      return {
        key: `today.${kind}`,
        label: { zh: `今日${label.zh}`, en: `${label.en} today` },
        value,
        drill: list(kind),
        tone: value > 0 ? ('danger' as const) : ('normal' as const),
      };
    }),
    trend: {
      days: [...days],
      series: KINDS.map(({ kind, pooled, label }) => ({
        key: kind,
        label,
        values: perDay(
          days,
          rows.filter((r) => r.pooled === pooled),
        ),
      })),
    },
  };
}

/** TST-1: people under control after a positive, by reason. */
async function controls(request: DashboardRequest): Promise<TileBody> {
  const root = request.jurisdiction;
  const open = await openControls(request.tx, root);
  const list = (reason?: string) => drill('/person-controls', { jurisdiction: root, state: 'open', reason });
  const total = [...open.values()].reduce((n, v) => n + v, 0);
  return {
    figures: [
      {
        key: 'open',
        label: { zh: '核酸阳性管控中', en: 'Under control after a positive' },
        value: total,
        drill: list(),
        tone: total > 0 ? 'warning' : 'normal',
      },
      ...REASONS.map(({ reason, label }) => ({
        key: reason,
        label,
        value: open.get(reason) ?? 0,
        drill: list(reason),
      })),
    ],
  };
}

/** TST-2: the labs' results today, on time or late, and tubes past their due time without one. */
async function turnaround(request: DashboardRequest): Promise<TileBody> {
  const { tx, jurisdiction: root, timeZone, now } = request;
  const day = today(request);
  const { resulted, onTime } = await resultedByLabsSince(tx, root, daysSpan(day, day, timeZone).start);
  const overdue = await overdueTubes(tx, root, now);
  const board = drill('/lab-work', { tab: 'board', jurisdiction: root });
  const share = resulted > 0 ? Math.round((onTime / resulted) * 1000) / 10 : null;
  return {
    figures: [
      ...(share === null
        ? []
        : [
            {
              key: 'onTimeShare',
              label: { zh: '今日按时出结果比例', en: 'Resulted on time today' },
              value: share,
              drill: board,
              unit: 'percent' as const,
              tone: share < 100 ? ('warning' as const) : ('good' as const),
            },
          ]),
      { key: 'resulted', label: { zh: '今日出结果', en: 'Resulted today' }, value: resulted, drill: board },
      {
        key: 'late',
        label: { zh: '今日超时出结果', en: 'Resulted late today' },
        value: resulted - onTime,
        drill: board,
        tone: resulted > onTime ? 'warning' : 'normal',
      },
      {
        key: 'overdue',
        label: { zh: '超时未出结果', en: 'Overdue, no result' },
        value: overdue,
        drill: drill('/lab-work', { tab: 'overdue', jurisdiction: root }),
        tone: overdue > 0 ? 'danger' : 'good',
      },
    ],
  };
}

/** This module's tiles on the situation dashboard (态势总览). */
export const testingTiles: readonly DashboardTile[] = [
  {
    id: 'testing.positives',
    order: 40,
    permission: 'testing.read',
    title: { zh: '核酸阳性', en: 'NAT positives' },
    load: positives,
  },
  {
    id: 'testing.controls',
    order: 31,
    permission: 'testing.read',
    title: { zh: '核酸阳性管控', en: 'Under control after a positive' },
    load: controls,
  },
  {
    id: 'testing.turnaround',
    order: 50,
    permission: 'testing.read',
    title: { zh: '检测时效', en: 'Lab turnaround' },
    load: turnaround,
  },
];
