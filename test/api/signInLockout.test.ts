import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../src/platform/access/authenticate.js';
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from '../../src/platform/access/passwords.js';
import { PASSWORD } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * Sign-in hardening: the lockout holds under parallel guessing (at most the limit of wrong
 * passwords is ever checked), and nothing tells an unknown name from a real account — not the
 * answer, not the lock, not the work done.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;

beforeAll(async () => {
  env = await openWorldApp();
});
afterAll(() => env.close());

const LIMIT = 5;

/** A wrong guess from its own address, as a distributed attacker sends them (the per-address limit aside). */
const guess = (username: string, password: string, i: number) =>
  env.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password },
    remoteAddress: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`,
  });

/** How many wrong passwords were checked for an account: each one checked writes one audit row. */
async function checkedGuesses(username: string): Promise<number> {
  const [row] = await env.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log a JOIN users u ON u.id::text = a.entity_id
     WHERE u.username = $1 AND a.action IN ('sign_in_failed', 'lockout')`,
    [username],
  );
  return row?.n ?? 0;
}

/** Counts the password checks signIn does, passing each to the real scrypt check. */
function countingVerifier() {
  const stored: string[] = [];
  const verify = (password: string, hash: string) => {
    stored.push(hash);
    return verifyPassword(password, hash);
  };
  return { verify, stored };
}

const statuses = (responses: { statusCode: number }[]) =>
  responses.map((r) => r.statusCode).sort((a, b) => a - b);

describe('lockout under parallel guessing (C8)', () => {
  it('checks at most the limit of wrong passwords out of batches of 25 parallel guesses', async () => {
    const first = await Promise.all(
      Array.from({ length: 25 }, (_, i) => guess('a_community', `wrong-${i}`, i)),
    );
    expect(statuses(first)).toEqual([...Array(LIMIT - 1).fill(401), ...Array(25 - LIMIT + 1).fill(423)]);
    const second = await Promise.all(
      Array.from({ length: 25 }, (_, i) => guess('a_community', `wrong-b${i}`, 100 + i)),
    );
    expect(statuses(second)).toEqual(Array(25).fill(423));
    expect(await checkedGuesses('a_community')).toBe(LIMIT);
    // The right password waits out the lock like any other.
    expect((await guess('a_community', PASSWORD, 200)).statusCode).toBe(423);
    env.setNow(new Date('2026-11-24T02:16:00Z'));
    expect((await guess('a_community', PASSWORD, 201)).statusCode).toBe(200);
    env.setNow(new Date('2026-11-24T02:00:00Z'));
  });

  it('runs the password hash no more than the limit allows, for a real account and an unknown name alike', async () => {
    for (const username of ['b_admin', 'no_such_user']) {
      const { verify, stored } = countingVerifier();
      const answers = await Promise.allSettled(
        Array.from({ length: 25 }, (_, i) =>
          signIn(env.db, env.ctx.config, username, `guess-${i}`, env.ctx.now(), verify),
        ),
      );
      expect(stored).toHaveLength(LIMIT);
      const codes = answers.map((a) =>
        a.status === 'rejected' ? (a.reason as { code: string }).code : 'ok',
      );
      expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(LIMIT - 1);
      expect(codes.filter((c) => c === 'account_locked')).toHaveLength(25 - LIMIT + 1);
    }
    env.setNow(new Date('2026-11-24T02:16:00Z'));
    expect((await guess('b_admin', PASSWORD, 300)).statusCode).toBe(200);
    env.setNow(new Date('2026-11-24T02:00:00Z'));
  });

  it('a success forgets the failures before it', async () => {
    for (let i = 0; i < LIMIT - 1; i++)
      expect((await guess('a_admin', 'wrong-password', i)).statusCode).toBe(401);
    expect((await guess('a_admin', PASSWORD, 10)).statusCode).toBe(200);
    for (let i = 0; i < LIMIT - 1; i++)
      expect((await guess('a_admin', 'wrong-password', i)).statusCode).toBe(401);
    expect((await guess('a_admin', PASSWORD, 11)).statusCode).toBe(200);
  });
});

describe('no account enumeration (C9)', () => {
  it('answers an unknown name exactly as a real account with a wrong password, lock included', async () => {
    const unknown: { statusCode: number; body: string }[] = [];
    const known: { statusCode: number; body: string }[] = [];
    for (let i = 0; i < LIMIT + 1; i++) {
      unknown.push(await guess('ghost_user', 'wrong-password', i));
      known.push(await guess('a_community', 'wrong-password', i));
    }
    expect(unknown.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(known.map((r) => r.statusCode)).toEqual(unknown.map((r) => r.statusCode));
    expect(known.map((r) => r.body)).toEqual(unknown.map((r) => r.body));
    env.setNow(new Date('2026-11-24T02:16:00Z'));
    expect((await guess('a_community', PASSWORD, 50)).statusCode).toBe(200);
    expect((await guess('ghost_user', 'wrong-password', 51)).statusCode).toBe(401);
    env.setNow(new Date('2026-11-24T02:00:00Z'));
  });

  it('does the same scrypt work for an unknown name, a disabled account and a real one', async () => {
    await env.db.query("UPDATE users SET active = false WHERE username = 'b_admin'");
    const seen: Record<string, string[]> = {};
    for (const username of ['a_admin', 'nobody_here', 'b_admin']) {
      const { verify, stored } = countingVerifier();
      await expect(
        signIn(env.db, env.ctx.config, username, 'not-the-password', env.ctx.now(), verify),
      ).rejects.toMatchObject({ code: 'invalid_credentials' });
      seen[username] = stored;
    }
    await env.db.query("UPDATE users SET active = true WHERE username = 'b_admin'");
    const [real] = await env.db.query<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE username = 'a_admin'",
    );
    expect(seen.a_admin).toEqual([real!.password_hash]);
    expect(seen.nobody_here).toEqual([UNKNOWN_ACCOUNT_HASH]);
    expect(seen.b_admin).toEqual([UNKNOWN_ACCOUNT_HASH]);
    // The stand-in costs what a real hash costs: the same scheme and parameters, salt and key sizes.
    const shape = (hash: string) => {
      const [scheme, n, r, p, salt, key] = hash.split('$');
      return [scheme, n, r, p, Buffer.from(salt!, 'base64').length, Buffer.from(key!, 'base64').length];
    };
    expect(shape(UNKNOWN_ACCOUNT_HASH)).toEqual(shape(real!.password_hash));
    // A disabled account with its right password answers like a wrong one.
    await env.db.query("UPDATE users SET active = false WHERE username = 'a_community'");
    const disabled = await guess('a_community', PASSWORD, 60);
    const wrong = await guess('nobody_at_all', PASSWORD, 61);
    await env.db.query("UPDATE users SET active = true WHERE username = 'a_community'");
    expect([disabled.statusCode, disabled.body]).toEqual([wrong.statusCode, wrong.body]);
  });

  it('records a wrong guess for an unknown name as for a real account, naming no one', async () => {
    const auditRows = async () =>
      (await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n;
    const before = await auditRows();
    expect((await guess('a_admin', 'wrong-password', 70)).statusCode).toBe(401);
    const afterKnown = await auditRows();
    expect((await guess('13800138000', 'wrong-password', 71)).statusCode).toBe(401);
    // The same database work either way: one entry each, so the answer's timing tells nothing.
    expect(afterKnown - before).toBe(1);
    expect((await auditRows()) - afterKnown).toBe(1);
    const [entry] = await env.db.query<{ text: string; actor_name: string; action: string }>(
      'SELECT row_to_json(a)::text AS text, actor_name, action FROM audit_log a ORDER BY id DESC LIMIT 1',
    );
    expect(entry).toMatchObject({ actor_name: 'system', action: 'sign_in_failed' });
    expect(entry!.text).not.toContain('13800138000');
    expect((await guess('a_admin', PASSWORD, 72)).statusCode).toBe(200);
  });

  it('keeps no sign-in name in clear', async () => {
    const rows = await env.db.query<{ name_key: Uint8Array }>('SELECT name_key FROM sign_in_attempts');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Buffer.from(row.name_key).toString('utf8')).not.toMatch(/ghost_user|a_community/);
      expect(row.name_key).toHaveLength(32);
    }
  });
});
