import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { releaseQueue } from './releaseQueue.js';

/** The reasons a tile's note counts, in the words of the release check (ISO-6). */
const WHY: ReadonlyArray<{ code: string; zh: string; en: string }> = [
  { code: 'test_missing', zh: '缺解除前检测阴性结果', en: 'release test not negative yet' },
  { code: 'positive_result', zh: '检测阳性', en: 'positive result' },
  { code: 'abnormal_report_open', zh: '体温或症状异常未处置', en: 'abnormal reading open' },
  { code: 'plan_missing', zh: '无有效管控方案', en: 'no active plan' },
];

/**
 * ISO-6 over the jurisdiction: the people whose isolation ends today (or has ended), how many the
 * plan allows to leave and how many are held, and why. Each figure counts the rows of the release
 * queue it drills to. Null (no tile) when nobody's isolation ends today.
 */
async function release(request: DashboardRequest): Promise<TileBody | null> {
  const { ctx, tx, actor, jurisdiction } = request;
  const queue = await releaseQueue(ctx, tx, actor, jurisdiction, { due: 'today' });
  if (queue.items.length === 0) return null;
  const blocked = queue.items.filter((item) => !item.allowed);
  const to = (state?: 'allowed' | 'blocked') =>
    drill('/isolation/release', { jurisdiction, due: 'today', state });
  const why = WHY.map((w) => ({
    ...w,
    n: blocked.filter((item) => item.reasons.some((r) => r.code === w.code)).length,
  })).filter((w) => w.n > 0);
  return {
    figures: [
      { key: 'due', label: { zh: '今日期满', en: 'Ending today' }, value: queue.items.length, drill: to() },
      {
        key: 'allowed',
        label: { zh: '可解除', en: 'May be released' },
        value: queue.items.length - blocked.length,
        drill: to('allowed'),
        tone: 'good',
      },
      {
        key: 'blocked',
        label: { zh: '暂不能解除', en: 'Held' },
        value: blocked.length,
        drill: to('blocked'),
        tone: blocked.length > 0 ? 'warning' : 'good',
      },
    ],
    note:
      why.length > 0
        ? {
            zh: `暂不能解除的原因：${why.map((w) => `${w.zh}${w.n}人`).join('，')}`,
            en: `Held for: ${why.map((w) => `${w.en} (${w.n})`).join(', ')}`,
          }
        : null,
  };
}

/** Dashboard tiles of release from isolation (ISO-6). */
export const releaseTiles: readonly DashboardTile[] = [
  {
    id: 'isolation.release',
    order: 19.5,
    permission: 'isolation.read',
    title: { zh: '今日解除隔离', en: 'Release from isolation today' },
    load: release,
  },
];
