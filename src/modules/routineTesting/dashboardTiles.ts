import { openOfRule } from '../../platform/deadlines/ruleCounts.js';
import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';

/**
 * TST-5: routine tests missed and pushed to the supervising departments, still to be made up (the
 * open obligations of the sweep), and those not made up the same day (overdue).
 */
async function missed(request: DashboardRequest): Promise<TileBody> {
  const root = request.jurisdiction;
  const { open, overdue } = await openOfRule(request.tx, root, 'TST-5', request.now);
  return {
    figures: [
      {
        key: 'open',
        label: { zh: '漏检待补检', en: 'Missed, to be tested' },
        value: open,
        drill: drill('/deadlines', { jurisdiction: root, ruleId: 'TST-5' }),
        tone: open > 0 ? 'warning' : 'good',
      },
      {
        key: 'overdue',
        label: { zh: '当日未补检', en: 'Not tested the same day' },
        value: overdue,
        drill: drill('/deadlines', { jurisdiction: root, ruleId: 'TST-5', state: 'overdue' }),
        tone: overdue > 0 ? 'danger' : 'good',
      },
    ],
  };
}

/** This module's tiles on the situation dashboard (态势总览). */
export const routineTestingTiles: readonly DashboardTile[] = [
  {
    id: 'routineTesting.missed',
    order: 80,
    permission: 'testing.read',
    title: { zh: '重点人群漏检', en: 'Missed routine tests' },
    load: missed,
  },
];
