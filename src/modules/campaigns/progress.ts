import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { fieldError, invalid } from '../../platform/errors.js';
import { personsPerChild } from '../persons/index.js';
import { getCampaign, type Jurisdiction } from './service.js';
import type { CampaignView, ProgressResponse } from './view.js';

/** Code length of a node's children: province 2 → city 4 → county 6 → town 9 → village 12 → grid 15. */
const CHILD_LENGTH: Record<number, number> = { 2: 4, 4: 6, 6: 9, 9: 12, 12: 15 };

interface CountRow {
  child: string;
  persons: number;
  sampled: number;
  resulted: number;
  positives: number;
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
const withPct = (c: Omit<CountRow, 'child'>) => ({
  persons: c.persons,
  sampled: c.sampled,
  resulted: c.resulted,
  positives: c.positives,
  sampledPct: pct(c.sampled, c.persons),
  resultedPct: pct(c.resulted, c.persons),
});

/** The parent to report on: the campaign's jurisdiction or a node inside it. */
export async function campaignNode(
  tx: Queryable,
  campaign: CampaignView,
  code: string | undefined,
  field: string,
): Promise<Jurisdiction> {
  const wanted = code ?? campaign.jurisdictionCode;
  if (!wanted.startsWith(campaign.jurisdictionCode))
    throw invalid([fieldError(field, 'jurisdiction_out_of_scope')]);
  const [node] = await tx.query<Jurisdiction>('SELECT code, name, level FROM jurisdictions WHERE code = $1', [
    wanted,
  ]);
  if (!node) throw invalid([fieldError(field, 'jurisdiction_unknown')]);
  return node;
}

/**
 * Counts per child of `parent` (TST-6 progress by grid): persons registered in the subtree (the
 * persons module's counters), and the campaign's counters by home jurisdiction (campaign_progress,
 * kept by triggers on samples and tubes: sampled, resulted negative or positive, positive). Neither
 * read counts persons or samples: both are a few hundred counter rows at any level.
 */
async function countsByChild(tx: Queryable, campaignId: string, parent: string): Promise<CountRow[]> {
  const childLength = CHILD_LENGTH[parent.length] ?? parent.length;
  const people = await personsPerChild(tx, parent, childLength);
  const counted = await tx.query<Omit<CountRow, 'persons'>>(
    `SELECT left(jurisdiction_code, $4) AS child, sum(sampled)::int AS sampled,
       sum(resulted)::int AS resulted, sum(positives)::int AS positives
     FROM campaign_progress
     WHERE campaign_id = $1 AND jurisdiction_code >= $2 AND jurisdiction_code < $3 GROUP BY 1`,
    [campaignId, parent, `${parent}:`, childLength],
  );
  const rows = new Map<string, CountRow>(
    people.map((p) => [
      p.child,
      { child: p.child, persons: p.persons, sampled: 0, resulted: 0, positives: 0 },
    ]),
  );
  for (const c of counted) rows.set(c.child, { ...c, persons: rows.get(c.child)?.persons ?? 0 });
  return [...rows.values()];
}

export async function campaignProgress(
  tx: Queryable,
  actor: Actor,
  id: string,
  parentCode: string | undefined,
): Promise<ProgressResponse> {
  const campaign = await getCampaign(tx, actor, id);
  const parent = await campaignNode(tx, campaign, parentCode, 'parent');
  const [counts, children, hourly] = [
    await countsByChild(tx, campaign.id, parent.code),
    await tx.query<Jurisdiction & { hasChildren: boolean }>(
      `SELECT j.code, j.name, j.level,
         EXISTS (SELECT 1 FROM jurisdictions g WHERE g.parent_code = j.code) AS "hasChildren"
       FROM jurisdictions j WHERE j.parent_code = $1 ORDER BY j.code`,
      [parent.code],
    ),
    // Samples taken per hour at sites in the subtree (a sample belongs to its site's jurisdiction).
    await tx.query<{ hour: string; samples: number }>(
      `SELECT to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:00:00"Z"') AS hour, sum(samples)::int AS samples
       FROM campaign_hourly
       WHERE campaign_id = $1 AND jurisdiction_code >= $2 AND jurisdiction_code < $3
       GROUP BY 1 ORDER BY 1`,
      [campaign.id, parent.code, `${parent.code}:`],
    ),
  ];
  const byChild = new Map(counts.map((row) => [row.child, row]));
  const empty = { persons: 0, sampled: 0, resulted: 0, positives: 0 };
  const rows = children.map((child) => ({
    code: child.code,
    name: child.name,
    level: child.level,
    direct: false,
    hasChildren: child.hasChildren,
    ...withPct(byChild.get(child.code) ?? empty),
  }));
  const direct = byChild.get(parent.code);
  if (direct) {
    rows.push({
      code: parent.code,
      name: parent.name,
      level: parent.level,
      direct: true,
      hasChildren: false,
      ...withPct(direct),
    });
  }
  const totals = counts.reduce(
    (sum, row) => ({
      persons: sum.persons + row.persons,
      sampled: sum.sampled + row.sampled,
      resulted: sum.resulted + row.resulted,
      positives: sum.positives + row.positives,
    }),
    empty,
  );
  return { campaign, parent, totals: withPct(totals), rows, hourly };
}
