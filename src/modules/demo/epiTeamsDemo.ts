import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { permissionsOf, type Role } from '../../rules/roles.js';
import { loadCheckpointsDemo } from '../checkpoints/index.js';
import { loadEpiTeamsDemo } from '../epiTeams/index.js';
import { DEMO_COUNTY } from './load.js';

async function actorOf(ctx: AppContext, username: string): Promise<Actor | undefined> {
  const [row] = await ctx.db.query<{ id: string; displayName: string; roles: Role[]; scopes: string[] }>(
    'SELECT id, display_name AS "displayName", roles, scopes FROM users WHERE username = $1',
    [username],
  );
  return row ? { userId: row.id, username, ...row, permissions: permissionsOf(row.roles) } : undefined;
}

/**
 * The demo county's investigation teams (EPI-6: a field team, the big-data working group, the reserve
 * of assistants with a few villages short) and its checkpoint log (HC-3: today's passes with
 * direction and proofs), loaded after its cases (see load.ts).
 */
export async function loadDemoEpiTeams(ctx: AppContext): Promise<void> {
  const cdc = await actorOf(ctx, 'cdc_epidemiologist');
  if (cdc) await loadEpiTeamsDemo(ctx, cdc, DEMO_COUNTY);
  const staff = (await actorOf(ctx, 'checkpoint_staff')) ?? (await actorOf(ctx, 'working_group'));
  if (staff) await loadCheckpointsDemo(ctx, staff, DEMO_COUNTY);
}
