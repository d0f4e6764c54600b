import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { listSites } from './siteRegistry.js';

/**
 * ISO-1 (000 §2.4.4 "立足'一用一备'") and ISO-3 (004 §18): the counties without one site in use and
 * one on standby, the active sites whose five items are not all in place, and the active sites
 * without a point leader (点长). Each figure opens the sites page filtered the same way. No tile
 * over a place without isolation sites.
 */
async function sites(request: DashboardRequest): Promise<TileBody | null> {
  const { tx, actor, jurisdiction, children } = request;
  const list = await listSites(tx, actor, { jurisdiction });
  if (list.items.length === 0) return null;
  const page = (code: string, flag?: string) => drill('/isolation/sites', { jurisdiction: code, flag });
  const short = list.coverage.filter((c) => !c.ok).length;
  const notReady = (code: string) =>
    list.items.filter((s) => s.jurisdictionCode.startsWith(code) && s.readiness.inPlace < 5).length;
  const noLeader = (code: string) =>
    list.items.filter((s) => s.jurisdictionCode.startsWith(code) && !s.hasPointLeader).length;
  return {
    figures: [
      {
        key: 'counties',
        label: { zh: '未达到“一用一备”的县', en: 'Counties short of one in use, one on standby' },
        value: short,
        drill: page(jurisdiction, 'coverage'),
        tone: short > 0 ? 'warning' : 'good',
      },
      {
        key: 'notReady',
        label: { zh: '“五到位”未全部到位的隔离点', en: 'Sites not ready (five in place)' },
        value: notReady(jurisdiction),
        drill: page(jurisdiction, 'not_ready'),
        tone: notReady(jurisdiction) > 0 ? 'warning' : 'good',
      },
      {
        key: 'noPointLeader',
        label: { zh: '未明确点长的隔离点', en: 'Sites without a point leader' },
        value: noLeader(jurisdiction),
        drill: page(jurisdiction, 'no_point_leader'),
        tone: noLeader(jurisdiction) > 0 ? 'warning' : 'good',
      },
      {
        key: 'sites',
        label: { zh: '隔离点', en: 'Isolation sites' },
        value: list.items.length,
        drill: page(jurisdiction),
      },
    ],
    heat:
      children.length > 0
        ? {
            columns: [
              { key: 'notReady', label: { zh: '未全部到位', en: 'Not ready' } },
              { key: 'noPointLeader', label: { zh: '无点长', en: 'No point leader' } },
            ],
            rows: children.map((child) => ({
              code: child.code,
              name: child.name,
              cells: [
                { value: notReady(child.code), drill: page(child.code, 'not_ready') },
                { value: noLeader(child.code), drill: page(child.code, 'no_point_leader') },
              ],
            })),
          }
        : undefined,
    note: {
      zh: '每县至少一个在用、一个备用隔离点；“五到位”全部到位后方可启用',
      en: 'Each county keeps one site in use and one on standby; a site opens only with all five in place',
    },
  };
}

/** Dashboard tiles of isolation sites (ISO-1, ISO-3). */
export const siteTiles: readonly DashboardTile[] = [
  {
    id: 'isolation.sites',
    order: 19,
    permission: 'isolation.read',
    title: {
      zh: '隔离点“一用一备”与“五到位”',
      en: 'Isolation sites: one in use, one on standby; five in place',
    },
    load: sites,
  },
];
