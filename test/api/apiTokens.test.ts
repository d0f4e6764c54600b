import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TOKEN_A, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * API tokens (C11): they expire, are listed and revoked, cannot mint tokens, die for good when
 * their user is deactivated, and their creation, first use, refused use and revocation are audited.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
const START = new Date('2026-11-24T02:00:00Z');
const DAY = 86_400_000;

beforeAll(async () => {
  env = await openWorldApp();
});
afterAll(() => env.close());

const create = (cookie: string, payload: object) =>
  env.app.inject({ method: 'POST', url: '/api/session/tokens', headers: { cookie }, payload });
const withToken = (
  token: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' = 'GET',
  url = '/api/session',
  payload?: object,
) =>
  env.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });
const list = (cookie: string) =>
  env.app.inject({ method: 'GET', url: '/api/session/tokens', headers: { cookie } });

async function auditOf(tokenId: string) {
  return env.db.query<{ action: string; detail: Record<string, unknown> | null }>(
    "SELECT action, detail FROM audit_log WHERE entity = 'api_token' AND entity_id = $1 ORDER BY id",
    [tokenId],
  );
}

describe('API tokens', () => {
  it('expire after 90 days by default or the chosen number of days, and are refused after', async () => {
    const cookie = await signInAs(env.app, 'b_admin');
    const standard = await create(cookie, { name: 'lab-system' });
    expect(standard.statusCode).toBe(201);
    expect(standard.json().expiresAt).toBe(new Date(START.getTime() + 90 * DAY).toISOString());
    const quarterly = await create(cookie, { name: 'quarterly' });
    const short = await create(cookie, { name: 'short', expiresInDays: 7 });
    expect(short.json().expiresAt).toBe(new Date(START.getTime() + 7 * DAY).toISOString());
    for (const expiresInDays of [0, 366, 1.5]) {
      const refused = await create(cookie, { name: 'bad', expiresInDays });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].field).toContain('expiresInDays');
    }
    expect((await withToken(short.json().token)).statusCode).toBe(200);
    env.setNow(new Date(START.getTime() + 8 * DAY));
    expect((await withToken(short.json().token)).statusCode).toBe(401);
    expect((await withToken(short.json().token)).statusCode).toBe(401);
    expect((await withToken(quarterly.json().token)).statusCode).toBe(200);
    env.setNow(START);
    const audit = await auditOf(short.json().id);
    // One refusal recorded, not one per request.
    expect(audit.map((a) => a.action)).toEqual(['create', 'first_use', 'use_refused']);
    expect(audit[2]?.detail).toMatchObject({ reason: 'expired' });
    const listed = (await list(cookie)).json();
    expect(listed.find((t: { id: string }) => t.id === short.json().id)).toMatchObject({
      name: 'short',
      status: 'active',
    });
    expect(JSON.stringify(listed)).not.toContain(short.json().token);
  });

  it('lists the caller’s own tokens with first and last use; records the first use once', async () => {
    const cookie = await signInAs(env.app, 'a_admin');
    const created = (await create(cookie, { name: 'reporting' })).json();
    const before = (await list(cookie)).json().filter((t: { id: string }) => t.id !== API_TOKEN_A);
    expect(before).toEqual([
      expect.objectContaining({ id: created.id, name: 'reporting', firstUsedAt: null, lastUsedAt: null }),
    ]);
    await withToken(created.token);
    env.setNow(new Date(START.getTime() + 60_000));
    await withToken(created.token);
    env.setNow(START);
    const [after] = (await list(cookie)).json().filter((t: { id: string }) => t.id !== API_TOKEN_A);
    expect(after).toMatchObject({
      firstUsedAt: START.toISOString(),
      lastUsedAt: new Date(START.getTime() + 60_000).toISOString(),
      status: 'active',
    });
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual(['create', 'first_use']);
    // b_admin's tokens are not a_admin's to see or revoke.
    const others = await signInAs(env.app, 'b_admin');
    expect((await list(others)).json().some((t: { id: string }) => t.id === created.id)).toBe(false);
    const foreign = await env.app.inject({
      method: 'DELETE',
      url: `/api/session/tokens/${created.id}`,
      headers: { cookie: others },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('a token cannot mint or revoke tokens, and the attempt is audited', async () => {
    const cookie = await signInAs(env.app, 'a_admin');
    const created = (await create(cookie, { name: 'integration' })).json();
    const minted = await withToken(created.token, 'POST', '/api/session/tokens', { name: 'child' });
    expect(minted.statusCode).toBe(403);
    expect(minted.json()).toMatchObject({ code: 'token_not_allowed' });
    expect(minted.json().detail_zh).toContain('接口令牌不能管理令牌');
    const revoked = await withToken(created.token, 'DELETE', `/api/session/tokens/${created.id}`);
    expect(revoked.statusCode).toBe(403);
    const names = (await list(cookie)).json().map((t: { name: string }) => t.name);
    expect(names).not.toContain('child');
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual([
      'create',
      'first_use',
      'create_refused',
      'revoke_refused',
    ]);
  });

  it('revokes a token at once and for good', async () => {
    const cookie = await signInAs(env.app, 'a_admin');
    const created = (await create(cookie, { name: 'old-lab-link' })).json();
    expect((await withToken(created.token)).statusCode).toBe(200);
    const revoked = await env.app.inject({
      method: 'DELETE',
      url: `/api/session/tokens/${created.id}`,
      headers: { cookie },
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedReason: 'revoked' });
    expect((await withToken(created.token)).statusCode).toBe(401);
    const actions = (await auditOf(created.id)).map((a) => a.action);
    expect(actions).toEqual(['create', 'first_use', 'revoke', 'use_refused']);
  });

  it('dies for good when its user is deactivated, and stays dead after reactivation', async () => {
    const admin = await signInAs(env.app, 'a_admin');
    const worker = await signInAs(env.app, 'a_community');
    const created = (await create(worker, { name: 'phone-sync' })).json();
    expect((await withToken(created.token)).statusCode).toBe(200);
    const [user] = await env.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'a_community'");
    const patch = (active: boolean) =>
      env.app.inject({
        method: 'PATCH',
        url: `/api/users/${user!.id}`,
        headers: { cookie: admin },
        payload: { active },
      });
    expect((await patch(false)).statusCode).toBe(200);
    expect((await withToken(created.token)).statusCode).toBe(401);
    expect((await patch(true)).statusCode).toBe(200);
    expect((await withToken(created.token)).statusCode).toBe(401);
    // Sessions opened before the deactivation are not revived either.
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: worker } })).statusCode,
    ).toBe(401);
    const again = await signInAs(env.app, 'a_community');
    expect((await list(again)).json()).toEqual([
      expect.objectContaining({ id: created.id, status: 'revoked', revokedReason: 'user_deactivated' }),
    ]);
    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'first_use', 'revoke', 'use_refused']);
    expect(audit[2]?.detail).toMatchObject({ reason: 'user_deactivated' });
  });

  it('an administrator lists and revokes the tokens of accounts in their subtree only', async () => {
    const worker = await signInAs(env.app, 'a_community');
    const created = (await create(worker, { name: 'field-tablet' })).json();
    const [user] = await env.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'a_community'");
    const url = `/api/users/${user!.id}/tokens`;
    const as = (cookie: string, method: 'GET' | 'DELETE', path: string) =>
      env.app.inject({ method, url: path, headers: { cookie } });
    const admin = await signInAs(env.app, 'a_admin');
    const listed = await as(admin, 'GET', url);
    expect(listed.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: created.id, name: 'field-tablet', status: 'active' }),
      ]),
    );
    const otherCounty = await signInAs(env.app, 'b_admin');
    expect((await as(otherCounty, 'GET', url)).statusCode).toBe(404);
    expect((await as(otherCounty, 'DELETE', `${url}/${created.id}`)).statusCode).toBe(404);
    expect((await as(worker, 'GET', url)).statusCode).toBe(403);
    expect((await withToken(created.token)).statusCode).toBe(200);
    const revoked = await as(admin, 'DELETE', `${url}/${created.id}`);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedReason: 'revoked' });
    expect((await withToken(created.token)).statusCode).toBe(401);
    const [audit] = (await auditOf(created.id)).filter((a) => a.action === 'revoke');
    expect(audit?.detail).toMatchObject({ reason: 'revoked', userId: user!.id });
  });

  it('keeps only a hash of each token', async () => {
    const cookie = await signInAs(env.app, 'b_admin');
    const created = (await create(cookie, { name: 'hash-check' })).json();
    const rows = await env.db.query<{ token_hash: Uint8Array }>('SELECT token_hash FROM api_tokens');
    for (const row of rows) expect(Buffer.from(row.token_hash).toString('utf8')).not.toContain(created.token);
    const audit = await env.db.query<{ text: string }>(
      'SELECT row_to_json(a)::text AS text FROM audit_log a',
    );
    expect(audit.some((row) => row.text.includes(created.token))).toBe(false);
  });
});

describe('a token cannot take over an account (C11)', () => {
  const userIds = async () => {
    const rows = await env.db.query<{ username: string; id: string; scopes: string[] }>(
      "SELECT username, id, scopes FROM users WHERE username IN ('a_admin', 'a_community')",
    );
    const by = Object.fromEntries(rows.map((row) => [row.username, row]));
    return { self: by.a_admin!, other: by.a_community! };
  };

  it('refuses creating accounts and changing a password, roles, scopes or active state, and audits each', async () => {
    const admin = await signInAs(env.app, 'a_admin');
    const created = (await create(admin, { name: 'leaked-sync' })).json();
    const { self, other } = await userIds();
    const chosen = 'Token-chosen-passphrase-8';
    const attempts: Array<['POST' | 'PATCH', string, object]> = [
      [
        'POST',
        '/api/users',
        {
          username: 'token_made',
          displayName: 'Token made',
          password: chosen,
          roles: ['admin'],
          scopes: self.scopes,
        },
      ],
      ['PATCH', `/api/users/${self.id}`, { password: chosen }],
      ['PATCH', `/api/users/${other.id}`, { password: chosen }],
      ['PATCH', `/api/users/${other.id}`, { roles: ['admin'] }],
      ['PATCH', `/api/users/${other.id}`, { scopes: self.scopes }],
      ['PATCH', `/api/users/${other.id}`, { active: false }],
    ];
    for (const [method, url, payload] of attempts) {
      const refused = await withToken(created.token, method, url, payload);
      expect(refused.statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'token_not_allowed' });
    }
    expect(await env.db.query("SELECT 1 FROM users WHERE username = 'token_made'")).toEqual([]);
    const [after] = await env.db.query<{ roles: string[]; active: boolean }>(
      'SELECT roles, active FROM users WHERE id = $1',
      [other.id],
    );
    expect(after).toEqual({ roles: ['community_worker'], active: true });
    const signIn = (username: string, password: string) =>
      env.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect((await signIn('a_admin', chosen)).statusCode).toBe(401);
    expect((await signIn('a_community', chosen)).statusCode).toBe(401);
    await signInAs(env.app, 'a_admin');
    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual([
      'create',
      'first_use',
      'user_create_refused',
      ...Array(5).fill('user_update_refused'),
    ]);
    expect(audit[3]?.detail).toEqual({ userId: self.id, reason: 'token_not_allowed' });
    // A display name hands nothing over: a token may still set it.
    const renamed = await withToken(created.token, 'PATCH', `/api/users/${other.id}`, {
      displayName: '社区同步',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ displayName: '社区同步', roles: ['community_worker'] });
  });

  it('keeps the audit entry of a revocation it refuses on the administrators’ route', async () => {
    const admin = await signInAs(env.app, 'a_admin');
    const worker = await signInAs(env.app, 'a_community');
    const target = (await create(worker, { name: 'tablet' })).json();
    const created = (await create(admin, { name: 'leaked-admin' })).json();
    const { other } = await userIds();
    const refused = await withToken(created.token, 'DELETE', `/api/users/${other.id}/tokens/${target.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'token_not_allowed' });
    expect((await withToken(target.token)).statusCode).toBe(200);
    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'first_use', 'revoke_refused']);
    expect(audit[2]?.detail).toEqual({ userId: other.id, reason: 'token_not_allowed' });
  });
});
