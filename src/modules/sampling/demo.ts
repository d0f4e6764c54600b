import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { registerSample } from './register.js';
import { createSite, type SiteInput } from './sites.js';

/** Two sampling sites of 盘山县 on its real divisions (太平街道 211122001, 高升街道 211122002). */
const DEMO_SITES = {
  taiping: {
    jurisdictionCode: '211122001',
    name: '太平街道核酸采样点（演示数据）',
    address: '太平街道文化广场',
    tables: 4,
  },
  gaosheng: {
    jurisdictionCode: '211122002',
    name: '高升街道核酸采样点（演示数据）',
    address: '高升街道综合服务中心',
    tables: 6,
  },
} satisfies Record<string, SiteInput>;
const DEMO_TUBE = 'DEMO-TP-000001';

/** The demo site's id; the first run creates it. */
async function demoSiteId(tx: Queryable, actor: Actor, site: SiteInput): Promise<string> {
  const [existing] = await tx.query<{ id: string }>(
    'SELECT id FROM sampling_sites WHERE jurisdiction_code = $1 AND name = $2',
    [site.jurisdictionCode, site.name],
  );
  return existing?.id ?? (await createSite(tx, actor, site)).id;
}

/**
 * Demo sampling (TST-1): the two sites, and at 太平街道's first table a 10-in-1 tube with three
 * residents in it, so the sampling-table page opens on work in progress. Safe to run again.
 */
export async function loadSamplingDemo(ctx: AppContext, actor: Actor): Promise<void> {
  await withScope(ctx.db, actor, async (tx) => {
    const taipingId = await demoSiteId(tx, actor, DEMO_SITES.taiping);
    await demoSiteId(tx, actor, DEMO_SITES.gaosheng);
    const [tube] = await tx.query('SELECT 1 FROM tubes WHERE barcode = $1', [DEMO_TUBE]);
    if (tube) return;
    const people = await tx.query<{ id: string }>(
      `SELECT id FROM persons WHERE jurisdiction_code >= '211122001' AND jurisdiction_code < '211122001:'
       ORDER BY jurisdiction_code, id LIMIT 3`,
    );
    for (const person of people) {
      await registerSample(ctx, tx, actor, {
        siteId: taipingId,
        tableNo: 1,
        tubeBarcode: DEMO_TUBE,
        personId: person.id,
        purpose: 'other',
        poolSize: 10,
      });
    }
  });
}
