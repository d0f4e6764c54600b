import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { isolationDemandView } from './demand.js';

/**
 * ISO-2 over the jurisdiction: the rooms its confirmed cases demand (100 per case, 002 §25), the
 * rooms its sites hold, and the shortfall (danger when short). A county's own figures, or for a
 * wider scope the sum of its counties (one county's spare rooms not covering another's shortfall).
 * Each figure is read from the overview page's demand table it drills to. Null (no tile) when there
 * is nothing to size: no current confirmed case, no site, nobody owed a room.
 */
async function demand(request: DashboardRequest): Promise<TileBody | null> {
  const { ctx, tx, actor, jurisdiction, now } = request;
  const view = await isolationDemandView(tx, actor, jurisdiction, now, ctx.config.defaultTimeZone);
  const figures = view.total ?? view.rows[0];
  if (!figures) return null;
  const sites = figures.sites.inUse + figures.sites.standby + figures.sites.notReady;
  if (figures.required === 0 && figures.capacity.total === 0 && sites === 0) return null;
  const to = drill('/isolation', { jurisdiction });
  const shortfall = Math.max(0, figures.gap);
  const counties = view.total ? `；${view.total.countiesShort}个县（市、区）不足` : '';
  const countiesEn = view.total ? `; ${view.total.countiesShort} counties short` : '';
  return {
    figures: [
      {
        key: 'demanded',
        label: { zh: '确诊病例应配隔离房间', en: 'Rooms the cases demand' },
        value: figures.demanded,
        drill: to,
      },
      {
        key: 'available',
        label: { zh: '可用隔离房间', en: 'Rooms available' },
        value: figures.capacity.total,
        drill: to,
      },
      {
        key: 'shortfall',
        label: { zh: '房间缺口', en: 'Rooms short' },
        value: shortfall,
        drill: to,
        tone: shortfall > 0 ? 'danger' : 'good',
      },
    ],
    note: {
      zh: `现有确诊病例${figures.confirmedCases}例；当前需隔离${figures.neededNow}间（在住${figures.inRoom}人，待转入${figures.awaitingArrival}人，待安排房间${figures.queued}人）；可立即入住${figures.capacity.readyNow}间${counties}`,
      en: `${figures.confirmedCases} confirmed cases; ${figures.neededNow} rooms needed now (${figures.inRoom} in rooms, ${figures.awaitingArrival} awaiting arrival, ${figures.queued} waiting for a room); ${figures.capacity.readyNow} ready now${countiesEn}`,
    },
  };
}

/** Dashboard tile of rooms demanded against rooms available (ISO-2). */
export const demandTiles: readonly DashboardTile[] = [
  {
    id: 'isolation.demand',
    order: 18,
    permission: 'isolation.read',
    title: { zh: '隔离房间需求与缺口', en: 'Isolation rooms: demand and gap' },
    load: demand,
  },
];
