import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { permissionsOf, type Role } from '../../rules/roles.js';
import { loadCasesDemo } from '../cases/index.js';
import { DEMO_COUNTY } from './load.js';

/** A demo login as an actor, or undefined when the demo has no such user. */
async function actorOf(ctx: AppContext, username: string): Promise<Actor | undefined> {
  const [row] = await ctx.db.query<{ id: string; displayName: string; roles: Role[]; scopes: string[] }>(
    'SELECT id, display_name AS "displayName", roles, scopes FROM users WHERE username = $1',
    [username],
  );
  return row ? { userId: row.id, username, ...row, permissions: permissionsOf(row.roles) } : undefined;
}

/** The demo county's cases data, loaded after its people, arrivals and tests. */
export async function loadDemoCases(ctx: AppContext): Promise<void> {
  const [lab, cdc, hospital] = await Promise.all(
    ['lab', 'cdc_epidemiologist', 'hospital_reporter'].map((name) => actorOf(ctx, name)),
  );
  if (lab && cdc && hospital) await loadCasesDemo(ctx, lab, cdc, hospital, DEMO_COUNTY);
}
