import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { dailyClearBoard } from './board.js';

/**
 * ARR-11 每日清零 today: the daily-clear board's reports of the day and how many are cleared, and
 * every report still outstanding (the queue's open reports, today's and earlier days').
 */
async function dailyClear(request: DashboardRequest): Promise<TileBody> {
  const { ctx, tx, actor, jurisdiction: root } = request;
  const today = request.days[request.days.length - 1] ?? '';
  const board = await dailyClearBoard(ctx, tx, actor, root, today);
  const boardPage = drill('/landing-board', { jurisdiction: root, date: board.date });
  const { received, cleared, outstanding } = board.total;
  return {
    figures: [
      { key: 'received', label: { zh: '今日报备', en: 'Reported today' }, value: received, drill: boardPage },
      { key: 'cleared', label: { zh: '今日已闭环', en: 'Cleared today' }, value: cleared, drill: boardPage },
      {
        key: 'outstanding',
        label: { zh: '未清零', en: 'Outstanding' },
        value: outstanding,
        drill: drill('/landing-queue', { jurisdiction: root, state: 'open' }),
        tone: outstanding > 0 ? 'danger' : 'good',
      },
    ],
    note: board.clear
      ? { zh: '今日已清零', en: 'Cleared for the day' }
      : { zh: '今日尚未清零', en: 'Not yet cleared for the day' },
  };
}

/** This module's tiles on the situation dashboard (态势总览). */
export const landingTiles: readonly DashboardTile[] = [
  {
    id: 'landing.dailyClear',
    order: 70,
    permission: 'arrival.read',
    title: { zh: '落地码每日清零', en: 'Landing code: daily clear' },
    load: dailyClear,
  },
];
