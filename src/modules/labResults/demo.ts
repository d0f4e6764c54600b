import type { Actor } from '../../platform/access/actor.js';
import { firstScope, withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { insertDemoCdcLab } from '../testing/index.js';
import { ingestResults } from './ingest.js';
import type { ResultRow } from './input.js';
import { findLab } from './lab.js';
import { receiveTubes } from './receipts.js';

const DEMO_LAB = '盘山县疾控中心实验室（演示数据）';

/**
 * Demo lab work (TST-1 … TST-3) on the demo's own tubes: the county lab receives every sealed tube
 * and posts negatives, except one pooled tube that is positive, so the lab page shows a positive
 * pool, its members under control and their re-sampling tasks. Safe to run again (unchanged).
 */
export async function loadLabResultsDemo(ctx: AppContext, actor: Actor): Promise<void> {
  await withScope(ctx.db, actor, async (tx) => {
    const county = firstScope(actor.scopes);
    const [existing] = await tx.query<{ id: string }>(
      'SELECT id FROM labs WHERE jurisdiction_code ^@ $1 ORDER BY jurisdiction_code, name LIMIT 1',
      [county],
    );
    const labId = existing?.id ?? (await insertDemoCdcLab(tx, county, DEMO_LAB));
    const lab = await findLab(tx, actor, labId);
    const tubes = await tx.query<{ barcode: string; memberCount: number; result: string | null }>(
      `SELECT barcode, member_count AS "memberCount", result FROM tubes
       WHERE sealed_at IS NOT NULL AND (lab_id IS NULL OR lab_id = $1) ORDER BY barcode`,
      [labId],
    );
    if (tubes.length === 0) return;
    await receiveTubes(
      tx,
      actor,
      lab,
      tubes.map((tube) => tube.barcode),
      ctx.now(),
    );
    // One positive pool (TST-1): a single tube already positive elsewhere (a case's own test, CAS-2) is no pool.
    const isPool = (tube: { memberCount: number }) => tube.memberCount > 1;
    const hasPositivePool = tubes.some((tube) => tube.result === 'positive' && isPool(tube));
    const positive = hasPositivePool ? undefined : tubes.find((tube) => !tube.result && isPool(tube));
    const rows: ResultRow[] = tubes
      .filter((tube) => !tube.result)
      .map((tube, i) => ({
        line: i + 1,
        barcode: tube.barcode,
        result: tube === positive ? 'positive' : 'negative',
        testedAt: null,
        ctOrf1ab: tube === positive ? 32.4 : null,
        ctN: tube === positive ? 31.8 : null,
        reference: null,
      }));
    if (rows.length > 0) await ingestResults(tx, ctx, actor, lab, rows, { kind: 'api' });
  });
}
