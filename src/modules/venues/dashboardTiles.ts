import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { inScope } from '../../rules/roles.js';
import { supervision } from './supervision.js';

/**
 * HC-2 / ZON-4: the supervisor's view in figures for the jurisdiction: venues in use, those with no
 * scans in 24 hours, with suspiciously few, and over their capacity limit; each drills to the list.
 * No tile where no venue is registered.
 */
async function venueScans(request: DashboardRequest): Promise<TileBody | null> {
  const { tx, actor, jurisdiction, now } = request;
  if (!inScope(jurisdiction, actor.scopes)) return null;
  const view = await supervision(tx, actor, now, { jurisdiction });
  if (view.activeVenues === 0) return null;
  const page = (flag?: string) => drill('/venues', { view: 'supervision', jurisdiction, flag });
  return {
    figures: [
      {
        key: 'active',
        label: { zh: '在用场所', en: 'Venues in use' },
        value: view.activeVenues,
        drill: page(),
      },
      {
        key: 'missing',
        label: { zh: '24小时无扫码', en: 'No scans in 24 h' },
        value: view.counts.missing,
        drill: page('missing'),
        tone: view.counts.missing > 0 ? 'warning' : 'good',
      },
      {
        key: 'few',
        label: { zh: '扫码明显偏少', en: 'Too few scans' },
        value: view.counts.few,
        drill: page('few'),
        tone: view.counts.few > 0 ? 'warning' : 'good',
      },
      {
        key: 'overCapacity',
        label: { zh: '超过限流比例', en: 'Over capacity limit' },
        value: view.counts.over_capacity,
        drill: page('over_capacity'),
        tone: view.counts.over_capacity > 0 ? 'danger' : 'good',
      },
    ],
    note: {
      zh: '本地口径：以高峰小时扫码人次近似场内人数（限流比例75%）',
      en: 'Local reading: peak-hour scans stand in for the headcount (ZON-4 limit 75%)',
    },
  };
}

/** The venues module's dashboard tiles. */
export const venuesTiles: readonly DashboardTile[] = [
  {
    id: 'venues.scans',
    order: 118,
    permission: 'venue.read',
    title: { zh: '场所码扫码监督', en: 'Venue-code scans' },
    load: venueScans,
  },
];
