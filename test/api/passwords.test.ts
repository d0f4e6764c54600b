import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.js';
import { passwordProblem } from '../../src/platform/access/passwordPolicy.js';
import { ROLES } from '../../src/rules/roles.js';
import { COUNTY_A, PASSWORD, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/** Passwords: length plus a guessability check; a change signs out every other session (C10). */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
});
afterAll(() => env.close());

const NEW_PASSWORD = 'Pine-harbour-47-lantern';

describe('the password rules', () => {
  it.each([
    ['short', [], 'weak_password'],
    ['aaaaaaaaaa', [], 'common_password'],
    ['1234567890', [], 'common_password'],
    ['password123', [], 'common_password'],
    ['qwertyuiop', [], 'common_password'],
    ['1qaz2wsx3edc', [], 'common_password'],
    ['abcdefghij', [], 'common_password'],
    ['zhangwei2026', ['zhangwei2026'], 'common_password'],
    ['lab_center_1', ['lab_center', '县检测中心'], 'common_password'],
    [DEMO_PASSWORD, ['admin', '演示系统管理员'], undefined],
    [PASSWORD, ['a_admin'], undefined],
    ['a-long-password', [], undefined],
    [NEW_PASSWORD, ['a_community'], undefined],
    [`${'x'.repeat(200)}`, [], 'common_password'],
  ] as const)('%s → %s', (password, personal, expected) => {
    expect(passwordProblem(password, personal)).toBe(expected);
  });

  it('keeps the demo password valid for every demo login', () => {
    for (const role of ROLES) expect(passwordProblem(DEMO_PASSWORD, [role])).toBeUndefined();
  });

  it('refuses common passwords for a new account, with a bilingual field problem', async () => {
    for (const password of ['aaaaaaaaaa', '1234567890']) {
      const response = await env.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { cookie: admin },
        payload: { username: 'weak1', displayName: '弱密码', password, roles: ['lab'], scopes: [COUNTY_A] },
      });
      expect(response.statusCode).toBe(400);
      const [problem] = response.json().errors;
      expect(problem).toMatchObject({ field: 'password', code: 'common_password' });
      expect(problem.message_zh).toContain('过于常见或容易被猜到');
      expect(problem.message).toContain('too common');
    }
  });
});

describe('changing a password (C10)', () => {
  const change = (cookie: string, payload: object, headers: Record<string, string> = {}) =>
    env.app.inject({
      method: 'POST',
      url: '/api/session/password',
      headers: { cookie, ...headers },
      payload,
    });
  const me = (cookie: string) => env.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });

  it('ends the other sessions and keeps the one that changed it', async () => {
    const phone = await signInAs(env.app, 'a_community');
    const desk = await signInAs(env.app, 'a_community');
    const changed = await change(desk, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ endedSessions: 1 });
    expect((await me(desk)).statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(401);
    const old = await env.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'a_community', password: PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    await signInAs(env.app, 'a_community', NEW_PASSWORD);
    const [audit] = await env.db.query<{ detail: object }>(
      "SELECT detail FROM audit_log WHERE action = 'password_change' ORDER BY id DESC LIMIT 1",
    );
    expect(audit?.detail).toEqual({ endedSessions: 1 });
  });

  it('names the field at fault: a wrong current password, a guessable new one', async () => {
    const cookie = await signInAs(env.app, 'a_community', NEW_PASSWORD);
    const wrong = await change(cookie, {
      currentPassword: 'not-my-password',
      newPassword: 'Another-fine-passphrase-9',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({ field: 'currentPassword', code: 'wrong_password' }),
    ]);
    const weak = await change(cookie, { currentPassword: NEW_PASSWORD, newPassword: '1234567890' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'common_password' }),
    ]);
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it('cannot be done with an API token', async () => {
    const cookie = await signInAs(env.app, 'a_community', NEW_PASSWORD);
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/session/tokens',
      headers: { cookie },
      payload: { name: 'sync' },
    });
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/session/password',
      headers: { authorization: `Bearer ${created.json().token}` },
      payload: { currentPassword: NEW_PASSWORD, newPassword: 'Another-fine-passphrase-9' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('token_not_allowed');
    // Refused like any other token attempt at what only a signed-in person may do, and recorded.
    const audit = await env.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'api_token' AND entity_id = $1 ORDER BY id",
      [created.json().id],
    );
    expect(audit.map((a) => a.action)).toContain('password_change_refused');
  });

  it('an administrator’s reset ends all of that user’s sessions, and lifts a lock', async () => {
    const cookie = await signInAs(env.app, 'a_community', NEW_PASSWORD);
    for (let i = 0; i < 5; i++)
      await env.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'a_community', password: 'wrong-password' },
        remoteAddress: `10.9.0.${i + 1}`,
      });
    const listed = await env.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } });
    const user = listed.json().find((u: { username: string }) => u.username === 'a_community');
    expect(user.locked).toBe(true);
    const reset = await env.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: admin },
      payload: { password: PASSWORD },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().locked).toBe(false);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await me(admin)).statusCode).toBe(200);
    await signInAs(env.app, 'a_community');
  });
});
