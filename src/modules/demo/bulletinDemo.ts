import type { AppContext } from '../../platform/context.js';
import { permissionsOf, type Role } from '../../rules/roles.js';
import { loadBulletinDemo } from '../bulletin/index.js';
import { localAt } from './clock.js';
import { DEMO_COUNTY } from './load.js';

/** The demo county's bulletin data, loaded after its people, arrivals and tests. */
export async function loadDemoBulletin(ctx: AppContext): Promise<void> {
  const [row] = await ctx.db.query<{ id: string; displayName: string; roles: Role[]; scopes: string[] }>(
    'SELECT id, display_name AS "displayName", roles, scopes FROM users WHERE username = \'working_group\'',
  );
  const workingGroup = row
    ? { userId: row.id, username: 'working_group', ...row, permissions: permissionsOf(row.roles) }
    : undefined;
  await loadBulletinDemo(
    ctx,
    DEMO_COUNTY,
    workingGroup,
    localAt(ctx.now(), ctx.config.defaultTimeZone, 1, 15),
  );
}
