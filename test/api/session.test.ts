import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/types.js';
import { buildApp } from '../../src/platform/http/app.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { PASSWORD, seedWorld, signInAs } from '../support/world.js';

let db: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let setNow: (value: Date) => Date;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  const test = testContext(db);
  setNow = test.setNow;
  await seedWorld(test.ctx);
  ({ app } = await buildApp(test.ctx));
});
afterAll(async () => {
  await app.close();
  await drop();
});

const signIn = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });

describe('sign-in, sessions and API tokens', () => {
  it('sets an HTTP-only session cookie and knows the user', async () => {
    const response = await signIn('a_admin', PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'fk_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `fk_session=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({ username: 'a_admin', scopes: ['211122'] });
  });

  it('answers the same for an unknown user and a wrong password', async () => {
    const unknown = await signIn('nobody', 'whatever-123');
    const wrong = await signIn('b_admin', 'whatever-123');
    expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401]);
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('locks an account after 5 failures, even against the right password, until the lock expires', async () => {
    for (let i = 0; i < 4; i++) expect((await signIn('a_community', 'wrong-password')).statusCode).toBe(401);
    expect((await signIn('a_community', 'wrong-password')).statusCode).toBe(423);
    expect((await signIn('a_community', PASSWORD)).statusCode).toBe(423);
    setNow(new Date('2026-11-24T02:16:00Z'));
    expect((await signIn('a_community', PASSWORD)).statusCode).toBe(200);
    setNow(new Date('2026-11-24T02:00:00Z'));
  });

  it('stores only scrypt password hashes', async () => {
    const rows = await db.query<{ password_hash: string }>('SELECT password_hash FROM users');
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
    }
  });

  it('issues bearer tokens for systems, which act as their user', async () => {
    const cookie = await signInAs(app, 'b_admin');
    const created = await app.inject({
      method: 'POST',
      url: '/api/session/tokens',
      headers: { cookie },
      payload: { name: 'lab-system' },
    });
    expect(created.statusCode).toBe(201);
    const { token } = created.json();
    const me = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json().username).toBe('b_admin');
    const bogus = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { authorization: 'Bearer fkt_nope' },
    });
    expect(bogus.statusCode).toBe(401);
    const [audit] = await db.query<{ entity: string; after: { name: string } }>(
      "SELECT entity, after FROM audit_log WHERE entity = 'api_token' AND action = 'create' ORDER BY id DESC LIMIT 1",
    );
    expect(audit).toMatchObject({ entity: 'api_token', after: { name: 'lab-system' } });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('signs out: the cookie no longer works', async () => {
    const cookie = await signInAs(app, 'b_admin');
    await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it('reports health with the database kind and schema version', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toMatchObject({
      status: 'ok',
      database: db.kind,
      schemaVersion: expect.any(Number),
    });
    expect(response.json().schemaVersion).toBeGreaterThanOrEqual(4);
  });

  it('publishes an OpenAPI 3 document covering the routes', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/persons', '/api/persons/{id}', '/api/jurisdictions', '/api/audit']),
    );
    expect((await app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });
});
