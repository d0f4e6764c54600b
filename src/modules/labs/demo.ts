import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { insertDemoCountyLabs } from '../testing/index.js';

const COUNTY = '211122';

/**
 * Demo lab registry for 盘山县 (demo data): two labs, Shenyang's dated targets "5 月底前 … 2.5 万人份;
 * 6 月底前 … 3 万人份" [001 §4] scaled down for a county and moved into the demo's year, and QC
 * records. Safe to run again: names and dates are unique.
 */
export async function loadLabsDemo(ctx: AppContext, actor: Actor): Promise<void> {
  const year = ctx.now().getFullYear();
  await withScope(ctx.db, actor, async (tx) => {
    await insertDemoCountyLabs(tx, COUNTY);
    await tx.query(
      `INSERT INTO lab_capacity_targets (jurisdiction_code, due_date, persons_per_day, source_text)
       VALUES ($1, $2, 25000, '（演示）参照《市委常态化下疫情防控方案》第4条“5 月底前 … 2.5 万人份”按县折算'),
              ($1, $3, 30000, '（演示）参照《市委常态化下疫情防控方案》第4条“6 月底前 … 3 万人份”按县折算')
       ON CONFLICT (jurisdiction_code, due_date) DO NOTHING`,
      [COUNTY, `${year}-05-31`, `${year}-06-30`],
    );
    await tx.query(
      `INSERT INTO lab_qc_records (lab_id, jurisdiction_code, qc_date, kind, outcome, notes)
       SELECT l.id, l.jurisdiction_code, d0.d::date, q.kind, q.outcome, '（演示）' || q.note
       FROM labs l CROSS JOIN (VALUES
         (0, 'internal_qc', 'pass', '室内质控'), (7, 'external_eqa', 'pass', '省级室间质评'),
         (1, 'dual_reagent', 'pass', '双试剂平行检测'), (3, 'biosafety', 'pass', '生物安全检查'))
         AS q (ago, kind, outcome, note)
       CROSS JOIN LATERAL (SELECT (current_date - q.ago)::text AS d) AS d0 (d)
       WHERE l.jurisdiction_code = $1 AND l.name LIKE '（演示）%'
         AND NOT EXISTS (SELECT 1 FROM lab_qc_records r WHERE r.lab_id = l.id AND r.kind = q.kind)`,
      [COUNTY],
    );
  });
}
