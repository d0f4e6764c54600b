import type { AppContext } from '../../platform/context.js';
import { permissionsOf, type Role } from '../../rules/roles.js';
import { loadHospitalsDemo } from '../hospitals/index.js';
import { DEMO_COUNTY } from './load.js';

/** The demo county's hospitals data, loaded after its people, arrivals, tests and cases. */
export async function loadDemoHospitals(ctx: AppContext): Promise<void> {
  const [row] = await ctx.db.query<{ id: string; displayName: string; roles: Role[]; scopes: string[] }>(
    `SELECT id, display_name AS "displayName", roles, scopes FROM users WHERE username = 'hospital_reporter'`,
  );
  if (!row) return;
  const reporter = {
    userId: row.id,
    username: 'hospital_reporter',
    ...row,
    permissions: permissionsOf(row.roles),
  };
  await loadHospitalsDemo(ctx, reporter, DEMO_COUNTY);
}
