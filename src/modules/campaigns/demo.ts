import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { localAt } from '../demo/index.js';
import { createCampaign } from './service.js';

/** 盘山县, the demo county (DEMO_COUNTY of src/modules/demo/load.ts, which will import this file). */
const DEMO_COUNTY = '211122';
export const DEMO_CAMPAIGN_NAME = '盘山县全员核酸检测第一轮（演示数据）';

/**
 * One active full-population campaign (TST-6) on the demo county, started at 06:00 local this
 * morning (yesterday's 06:00 when loaded before then), pools of 10, due at the planner's 24 h.
 * Loading twice changes nothing. Samples come from the sampling and lab demo loaders run after it.
 */
export async function loadCampaignDemo(ctx: AppContext, actor: Actor): Promise<void> {
  const now = ctx.now();
  const timeZone = ctx.config.defaultTimeZone;
  const today = localAt(now, timeZone, 0, 6);
  const startsAt = today <= now ? today : localAt(now, timeZone, 1, 6);
  await withScope(ctx.db, actor, async (tx) => {
    const [exists] = await tx.query('SELECT 1 FROM campaigns WHERE jurisdiction_code = $1 AND name = $2', [
      DEMO_COUNTY,
      DEMO_CAMPAIGN_NAME,
    ]);
    if (exists) return;
    await createCampaign(ctx, tx, actor, {
      jurisdictionCode: DEMO_COUNTY,
      name: DEMO_CAMPAIGN_NAME,
      poolSize: 10,
      startsAt,
      status: 'active',
    });
  });
}
