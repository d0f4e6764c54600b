import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';

/** Each county of the test world has one lab, one sampling site (3 tables) and one active campaign. */
export interface TestingWorld {
  labId: string;
  siteId: string;
  campaignId: string;
}

export async function seedTestingWorld(ctx: AppContext, actor: Actor, county: string): Promise<TestingWorld> {
  const now = ctx.now();
  return withScope(ctx.db, actor, async (tx) => {
    const [lab] = await tx.query<{ id: string }>(
      `INSERT INTO labs (jurisdiction_code, name, kind, instruments, tubes_per_instrument_hour,
         reagent_physical_tests, reagent_contracted_tests)
       VALUES ($1, $2, 'cdc', 4, 90, 60000, 40000) RETURNING id`,
      [county, `${county} 疾控中心实验室`],
    );
    const [site] = await tx.query<{ id: string }>(
      `INSERT INTO sampling_sites (jurisdiction_code, name, address, tables)
       VALUES ($1, $2, '人民广场', 3) RETURNING id`,
      [county, `${county} 第一采样点`],
    );
    const [campaign] = await tx.query<{ id: string }>(
      `INSERT INTO campaigns (jurisdiction_code, name, pool_size, starts_at, due_at, status)
       VALUES ($1, '全员核酸第一轮', 10, $2, $3, 'active') RETURNING id`,
      [county, now.toISOString(), new Date(now.getTime() + 24 * 3_600_000).toISOString()],
    );
    return { labId: lab!.id, siteId: site!.id, campaignId: campaign!.id };
  });
}
