import { verifyPassword } from '../../platform/access/passwords.js';
import type { Queryable } from '../../platform/db/types.js';
import { ROLES } from '../../rules/roles.js';
import { DEMO_PASSWORD } from './load.js';

/**
 * The demo accounts (one per role, named after it) that are active and still open with the
 * published demo password, in role order. The start-up banner lists only these: an account whose
 * password was changed is no longer a demo login, and a banner must never name accounts of a real
 * deployment.
 */
export async function unchangedDemoLogins(db: Queryable): Promise<string[]> {
  const accounts = await db.query<{ username: string; password_hash: string }>(
    'SELECT username, password_hash FROM users WHERE active AND username = ANY($1::text[])',
    [[...ROLES]],
  );
  const unchanged = await Promise.all(
    accounts.map(async (account) =>
      (await verifyPassword(DEMO_PASSWORD, account.password_hash)) ? account.username : undefined,
    ),
  );
  const order = (name: string) => ROLES.indexOf(name as (typeof ROLES)[number]);
  return unchanged.filter((name): name is string => name !== undefined).sort((a, b) => order(a) - order(b));
}
