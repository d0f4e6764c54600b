import { importDivisions } from '../../src/modules/jurisdictions/index.js';
import { assignShippedPack } from '../../src/modules/policy/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import type { Actor } from '../../src/platform/access/actor.js';
import type { AppContext } from '../../src/platform/context.js';
import { permissionsOf } from '../../src/rules/roles.js';

/** 盘山县 (Panjin, Liaoning) under its plan [003] and 红山区 (Chifeng) under [004], as the test world has them. */
export const COUNTIES = [
  { code: '211122', pack: 'panshan-2021' },
  { code: '150402', pack: 'chifeng-2022' },
] as const;

/**
 * Loads the counties' real divisions (importDivisions), assigns each its shipped policy pack and
 * creates an admin account over them; returns that account as a signed-in actor.
 */
export async function benchCounties(
  ctx: AppContext,
  counties: ReadonlyArray<{ code: string; pack?: string }>,
): Promise<Actor> {
  for (const county of counties) {
    await importDivisions(ctx.db, county.code);
    if (county.pack) await assignShippedPack(ctx.db, county.code, county.pack);
  }
  const scopes = counties.map((c) => c.code);
  const user = await ctx.db.transaction((tx) =>
    createUser(tx, undefined, {
      username: 'bench_admin',
      displayName: 'bench_admin',
      password: 'Bench-password-1',
      roles: ['admin'],
      scopes,
    }),
  );
  return {
    userId: user.id,
    username: 'bench_admin',
    displayName: 'bench_admin',
    roles: ['admin'],
    permissions: permissionsOf(['admin']),
    scopes,
  };
}

/** The villages (12-digit codes) of a loaded county, in code order. */
export async function villagesOf(ctx: AppContext, county: string): Promise<{ code: string; name: string }[]> {
  return ctx.db.query(
    `SELECT code, name FROM jurisdictions WHERE level = 'village' AND code ^@ $1 ORDER BY code`,
    [county],
  );
}
