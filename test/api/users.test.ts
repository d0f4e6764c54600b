import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_A, COUNTY_B, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
});
afterAll(() => env.close());

const create = (payload: object, cookie = admin) =>
  env.app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload });

describe('accounts (Actors, CMD-1)', () => {
  it('creates an account with a role within the administrator’s subtree, who can then sign in', async () => {
    const response = await create({
      username: 'lab1',
      displayName: '县检测中心',
      password: 'a-long-password',
      roles: ['lab'],
      scopes: [COUNTY_A],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      username: 'lab1',
      roles: ['lab'],
      scopes: [COUNTY_A],
      active: true,
      locked: false,
    });
    const cookie = await signInAs(env.app, 'lab1', 'a-long-password');
    const me = await env.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(me.json().permissions).toContain('person.read');
    expect(me.json().permissions).not.toContain('person.write');
  });

  it('refuses to grant a scope outside the administrator’s own (403), unknown roles and weak passwords (400)', async () => {
    const outside = await create({
      username: 'xx1',
      displayName: 'x',
      password: 'a-long-password',
      roles: ['lab'],
      scopes: [COUNTY_B],
    });
    expect(outside.statusCode).toBe(403);
    const invalid = await create({
      username: 'xx2',
      displayName: 'x',
      password: 'short',
      roles: ['lab'],
      scopes: [COUNTY_A],
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((e: { code: string }) => e.code)).toEqual(['weak_password']);
    const taken = await create({
      username: 'a_admin',
      displayName: 'x',
      password: 'a-long-password',
      roles: ['lab'],
      scopes: [COUNTY_A],
    });
    expect(taken.json().errors[0]).toMatchObject({ field: 'username', code: 'username_taken' });
  });

  it('lists only accounts administered within the subtree', async () => {
    const list = await env.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } });
    const names = list.json().map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['a_admin', 'a_community', 'lab1']));
    expect(names).not.toContain('b_admin');
  });

  it('disables an account, which then cannot sign in', async () => {
    const [user] = await env.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'lab1'");
    const patch = await env.app.inject({
      method: 'PATCH',
      url: `/api/users/${user!.id}`,
      headers: { cookie: admin },
      payload: { active: false, scopes: [VILLAGE_A] },
    });
    expect(patch.json()).toMatchObject({ active: false, scopes: [VILLAGE_A] });
    const signIn = await env.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'lab1', password: 'a-long-password' },
    });
    expect(signIn.statusCode).toBe(401);
  });

  it('a community worker cannot administer accounts (403)', async () => {
    const cookie = await signInAs(env.app, 'a_community');
    expect(
      (
        await create(
          {
            username: 'xx3',
            displayName: 'x',
            password: 'a-long-password',
            roles: ['lab'],
            scopes: [VILLAGE_A],
          },
          cookie,
        )
      ).statusCode,
    ).toBe(403);
  });
});
