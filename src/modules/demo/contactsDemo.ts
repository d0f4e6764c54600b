import type { AppContext } from '../../platform/context.js';
import { permissionsOf, type Role } from '../../rules/roles.js';
import { loadContactsDemo } from '../contacts/index.js';
import { DEMO_COUNTY } from './load.js';

/** The demo county's contacts (EPI-4): close, secondary close and general, loaded after its cases (see load.ts). */
export async function loadDemoContacts(ctx: AppContext): Promise<void> {
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
  await loadContactsDemo(ctx, { userId: row.id, ...row, permissions: permissionsOf(row.roles) }, DEMO_COUNTY);
}
