import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { addEntry, addExposure, addGoods, saveReport } from './edits.js';
import { ensureInvestigations } from './open.js';
import { assign, recordFirst, review, submit } from './workflow.js';

const HOUR = 3_600_000;
/** The first investigation of the demo's investigation under way: its presence marks the demo as loaded. */
const UNDER_WAY_FIRST = '电话询问病例本人，初步掌握发病前一周的活动地点，待逐一核实。';

/**
 * The demo county's investigations (EPI-1, EPI-2, EPI-6): every case's investigation opened as the
 * sweep would; the earliest case's report written, submitted by the CDC epidemiologist and released
 * by the commander; the next one under way, assigned, with its first investigation, a timeline
 * from the interview, an exposure and goods traced with the people. Runs once: nothing is added
 * when the county already has the demo's investigation under way (a reload would otherwise work the
 * next two open investigations).
 */
export async function loadInvestigationsDemo(
  ctx: AppContext,
  cdc: Actor,
  reviewer: Actor | undefined,
  county: string,
) {
  const [done] = await ctx.db.query(
    'SELECT 1 FROM investigations WHERE jurisdiction_code ^@ $1 AND first_summary = $2 LIMIT 1',
    [county, UNDER_WAY_FIRST],
  );
  if (done) return;
  const now = ctx.now();
  await withScope(ctx.db, cdc, (tx) => ensureInvestigations(tx, [county], now));
  const cases = await withScope(ctx.db, cdc, (tx) =>
    tx.query<{ id: string; onsetAt: Date | null; reportedAt: Date }>(
      `SELECT i.id, c.onset_at AS "onsetAt", c.reported_at AS "reportedAt"
       FROM investigations i JOIN cases c ON c.id = i.case_id
       WHERE i.status = 'open' AND i.jurisdiction_code ^@ $1 ORDER BY c.reported_at, i.id LIMIT 2`,
      [county],
    ),
  );
  const [released, underWay] = cases;
  if (released && reviewer)
    await withScope(ctx.db, cdc, async (tx) => {
      await recordFirst(
        ctx,
        tx,
        cdc,
        released.id,
        '已与病例面对面询问，掌握发病前后主要活动地点和同住人员。',
      );
      await saveReport(
        tx,
        cdc,
        released.id,
        '一、基本情况：病例居家隔离期间核酸检测阳性。\n二、活动轨迹：发病前14天主要在家中及本村活动，未到过中高风险地区。\n三、可能感染来源：同住家庭成员，已判定为密切接触者并转运集中隔离。',
      );
      await submit(ctx, tx, cdc, released.id);
      await review(ctx, tx, reviewer, released.id, 'release', undefined);
    });
  if (!underWay) return;
  const anchor = new Date(underWay.onsetAt ?? underWay.reportedAt).getTime();
  const at = (hours: number) => new Date(anchor + hours * HOUR).toISOString();
  await withScope(ctx.db, cdc, async (tx) => {
    const [team] = await tx.query<{ id: string }>(
      `SELECT id FROM epi_teams WHERE jurisdiction_code ^@ $1 AND active AND kind = 'field' ORDER BY name LIMIT 1`,
      [county],
    );
    await assign(tx, cdc, underWay.id, { investigatorId: cdc.userId, teamId: team?.id ?? null });
    await recordFirst(ctx, tx, cdc, underWay.id, UNDER_WAY_FIRST);
    const entries = [
      {
        place: '盘山县城惠民超市',
        fromAt: at(-96),
        toAt: at(-95),
        activity: '购物',
        peopleMet: '收银员一名',
      },
      { place: '太平镇农贸市场', fromAt: at(-72), toAt: at(-70.5), activity: '买菜', peopleMet: '摊主两名' },
      {
        place: '单位（盘山县某加工厂）',
        fromAt: at(-50),
        toAt: at(-42),
        activity: '上班',
        peopleMet: '同车间工友6人',
      },
      { place: '县人民医院发热门诊', fromAt: at(2), toAt: at(4), activity: '就诊', peopleMet: '医护人员' },
    ];
    for (const entry of entries) await addEntry(tx, cdc, underWay.id, entry);
    await addExposure(tx, cdc, underWay.id, {
      kind: 'goods',
      description: '工作中搬运进口冷冻海产品外包装',
      evidence: '加工厂冷库近期到货一批进口冷冻带鱼',
      certainty: 'possible',
      likelySource: true,
    });
    await addGoods(tx, cdc, underWay.id, {
      item: '进口冷冻带鱼',
      origin: '大连港入境',
      batch: 'LOT-20261128',
      foundAtPlace: '盘山县某加工厂冷库',
      sampleResult: 'pending',
    });
  });
}
