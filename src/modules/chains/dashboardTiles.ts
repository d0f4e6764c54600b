import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { listClusters } from './clusters.js';

/**
 * EPI-5 on the dashboard: the transmission chains managed in the jurisdiction and those with an open
 * accountability alert (a third generation); their cases at generation 2 (flagged) and 3 or later in the note.
 * Null (no tile) while the jurisdiction has no chain.
 */
async function chains(request: DashboardRequest): Promise<TileBody | null> {
  const { tx, jurisdiction } = request;
  const { items } = await listClusters(tx, { jurisdiction });
  if (items.length === 0) return null;
  const open = items.filter((c) => c.alert?.state === 'open').length;
  const second = items.reduce((n, c) => n + c.secondGeneration, 0);
  const third = items.reduce((n, c) => n + c.thirdOrLater, 0);
  const page = drill('/chains', { jurisdiction });
  return {
    figures: [
      { key: 'clusters', label: { zh: '传播链', en: 'Chains' }, value: items.length, drill: page },
      {
        key: 'alerts',
        label: { zh: '待问责（第三代）', en: 'Accountability alerts (3rd generation)' },
        value: open,
        drill: drill('/chains', { jurisdiction, alerts: 'true' }),
        tone: open > 0 ? 'danger' : 'normal',
      },
    ],
    // Generation counts are cases, not rows of the chains list: said in the note, not as figures.
    note: {
      zh: `第二代病例 ${second} 例，第三代及以上 ${third} 例`,
      en: `${second} second-generation cases, ${third} of generation 3 or later`,
    },
  };
}

/** The chains module's dashboard tiles. */
export const chainsTiles: readonly DashboardTile[] = [
  {
    id: 'chains.clusters',
    order: 78,
    permission: 'investigation.read',
    title: { zh: '传播链与代际（问责）', en: 'Transmission chains and generations' },
    load: chains,
  },
];
