import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { permissionsOf, type Role } from '../../rules/roles.js';
import { loadInvestigationsDemo } from '../investigations/index.js';
import { DEMO_COUNTY } from './load.js';

async function actorOf(ctx: AppContext, username: string): Promise<Actor | undefined> {
  const [row] = await ctx.db.query<{ id: string; displayName: string; roles: Role[]; scopes: string[] }>(
    'SELECT id, display_name AS "displayName", roles, scopes FROM users WHERE username = $1',
    [username],
  );
  return row ? { userId: row.id, username, ...row, permissions: permissionsOf(row.roles) } : undefined;
}

/**
 * The demo county's investigations data, loaded after its cases and teams (see load.ts): every
 * case's investigation with its 8 h and 24 h deadlines, one released after the commander's
 * review, one under way with its timeline (EPI-1, EPI-2, EPI-6).
 */
export async function loadDemoInvestigations(ctx: AppContext): Promise<void> {
  const cdc = await actorOf(ctx, 'cdc_epidemiologist');
  if (!cdc) return;
  await loadInvestigationsDemo(ctx, cdc, await actorOf(ctx, 'commander'), DEMO_COUNTY);
}
