import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { reserveOf } from './reserve.js';

/**
 * EPI-6 (003 §3.4.6): villages/communities short of epi assistants in reserve (fewer than 3), with
 * the villages counted and those over 5, and per child jurisdiction the villages short. Each figure
 * opens the reserve list of the teams page filtered the same way. No tile over a place without villages.
 */
async function reserve(request: DashboardRequest): Promise<TileBody | null> {
  const { tx, actor, jurisdiction, children } = request;
  const r = await reserveOf(tx, actor, jurisdiction);
  if (r.summary.villages === 0) return null;
  const page = (code: string, status?: string) =>
    drill('/epi-teams', { jurisdiction: code, tab: 'reserve', status });
  const shortOf = (code: string) =>
    r.villages.filter((v) => v.code.startsWith(code) && v.status === 'short').length;
  return {
    figures: [
      {
        key: 'short',
        label: { zh: '协查员不足的村（社区）', en: 'Villages short of assistants' },
        value: r.summary.short,
        drill: page(jurisdiction, 'short'),
        tone: r.summary.short > 0 ? 'warning' : 'good',
      },
      {
        key: 'villages',
        label: { zh: '村（社区）', en: 'Villages/communities' },
        value: r.summary.villages,
        drill: page(jurisdiction),
      },
      {
        key: 'over',
        label: { zh: '超过 5 人', en: 'Over 5' },
        value: r.summary.over,
        drill: page(jurisdiction, 'over'),
      },
    ],
    heat:
      children.length > 0
        ? {
            columns: [{ key: 'short', label: { zh: '不足 3 人', en: 'Short of 3' } }],
            rows: children.map((child) => ({
              code: child.code,
              name: child.name,
              cells: [{ value: shortOf(child.code), drill: page(child.code, 'short') }],
            })),
          }
        : undefined,
    note: {
      zh: '每村（社区）储备流调协查员 3–5 人',
      en: '3–5 epi assistants in reserve per village/community',
    },
  };
}

/** The epiTeams module's dashboard tiles. */
export const epiTeamsTiles: readonly DashboardTile[] = [
  {
    id: 'epiTeams.reserve',
    order: 156,
    permission: 'investigation.read',
    title: { zh: '流调协查员储备', en: 'Epi assistants in reserve' },
    load: reserve,
  },
];
