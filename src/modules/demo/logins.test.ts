import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../../../test/support/context.js';
import { freshDatabase } from '../../../test/support/database.js';
import { seedWorld } from '../../../test/support/world.js';
import { hashPassword } from '../../platform/access/passwords.js';
import type { Database } from '../../platform/db/types.js';
import { DEMO_PASSWORD } from './load.js';
import { unchangedDemoLogins } from './logins.js';

/**
 * The start-up banner prints the demo password next to the accounts it lists: it may list only
 * demo accounts that are active and still open with that password, never another account.
 */
let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await seedWorld(testContext(db).ctx);
});
afterAll(() => drop());

async function account(username: string, password: string, active = true) {
  await db.query(
    `INSERT INTO users (username, display_name, password_hash, roles, scopes, jurisdiction_code, active)
     SELECT $1, display_name, $2, roles, scopes, jurisdiction_code, $3 FROM users WHERE username = 'a_admin'`,
    [username, await hashPassword(password), active],
  );
}

describe('demo logins named by the start-up banner', () => {
  it('lists only active demo accounts whose password is still the demo password, in role order', async () => {
    await account('admin', DEMO_PASSWORD);
    await account('commander', DEMO_PASSWORD);
    await account('lab', 'Changed-after-install-7');
    await account('pharmacy', DEMO_PASSWORD, false);
    await account('zhang_san', DEMO_PASSWORD);
    expect(await unchangedDemoLogins(db)).toEqual(['commander', 'admin']);
  });

  it('drops an account once its password is changed, and lists nothing when all are', async () => {
    await db.query('UPDATE users SET password_hash = $1 WHERE username = $2', [
      await hashPassword('Changed-after-install-8'),
      'commander',
    ]);
    expect(await unchangedDemoLogins(db)).toEqual(['admin']);
    await db.query('UPDATE users SET password_hash = $1 WHERE username = $2', [
      await hashPassword('Changed-after-install-9'),
      'admin',
    ]);
    expect(await unchangedDemoLogins(db)).toEqual([]);
  });
});
