import type { AppContext } from '../../platform/context.js';
import { permissionsOf, type Role } from '../../rules/roles.js';
import { loadVenuesDemo } from '../venues/index.js';
import { DEMO_COUNTY } from './load.js';

/** The demo county's venues and ten days of check-ins (HC-2), loaded after its cases (see load.ts). */
export async function loadDemoVenues(ctx: AppContext): Promise<void> {
  const [row] = await ctx.db.query<{
    id: string;
    username: string;
    displayName: string;
    roles: Role[];
    scopes: string[];
  }>(
    `SELECT id, username, display_name AS "displayName", roles, scopes FROM users
      WHERE username IN ('cdc_epidemiologist', 'admin') ORDER BY username = 'cdc_epidemiologist' DESC LIMIT 1`,
  );
  if (!row) return;
  await loadVenuesDemo(ctx, { userId: row.id, ...row, permissions: permissionsOf(row.roles) }, DEMO_COUNTY);
}
