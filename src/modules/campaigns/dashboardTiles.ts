import { drill } from '../../platform/surfaces/drill.js';
import type { DashboardRequest, DashboardTile, TileBody } from '../../platform/surfaces/types.js';
import { inScope } from '../../rules/roles.js';
import { campaignProgress } from './progress.js';

/**
 * TST-6: the running campaign over the jurisdiction (the latest started of those active over or
 * inside it that the caller may open), with its progress page's totals for the jurisdiction, or
 * for the campaign's whole area when the jurisdiction holds it. Null (no tile) without one.
 */
async function running(request: DashboardRequest): Promise<TileBody | null> {
  const { tx, actor, jurisdiction: root } = request;
  const campaigns = await tx.query<{ id: string; code: string; name: string }>(
    `SELECT id, jurisdiction_code AS code, name FROM campaigns
     WHERE status = 'active' AND (jurisdiction_code ^@ $1 OR $1 ^@ jurisdiction_code)
     ORDER BY starts_at DESC, id`,
    [root],
  );
  const campaign = campaigns.find((c) => inScope(c.code, actor.scopes));
  if (!campaign) return null;
  const parent = root.startsWith(campaign.code) ? root : campaign.code;
  const { totals } = await campaignProgress(tx, actor, campaign.id, parent);
  const page = drill(`/campaigns/${campaign.id}`, { parent: parent === campaign.code ? undefined : parent });
  return {
    figures: [
      { key: 'persons', label: { zh: '应检人数', en: 'To be tested' }, value: totals.persons, drill: page },
      { key: 'sampled', label: { zh: '已采样', en: 'Sampled' }, value: totals.sampled, drill: page },
      {
        key: 'sampledPct',
        label: { zh: '采样覆盖率', en: 'Sampled share' },
        value: totals.sampledPct,
        drill: page,
        unit: 'percent',
      },
      { key: 'resulted', label: { zh: '已出结果', en: 'Resulted' }, value: totals.resulted, drill: page },
      {
        key: 'positives',
        label: { zh: '阳性', en: 'Positive' },
        value: totals.positives,
        drill: page,
        tone: totals.positives > 0 ? 'danger' : 'normal',
      },
    ],
    note: { zh: campaign.name, en: campaign.name },
  };
}

/** This module's tiles on the situation dashboard (态势总览). */
export const campaignsTiles: readonly DashboardTile[] = [
  {
    id: 'campaigns.running',
    order: 60,
    permission: 'testing.read',
    title: { zh: '进行中的全员核酸', en: 'Running testing campaign' },
    load: running,
  },
];
