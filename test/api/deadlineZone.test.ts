import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDue } from '../../src/rules/dueTime.js';
import { COUNTY_A, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * A same-day item is due at the next local midnight of its jurisdiction and reads as that day's
 * 24:00. The list gives each item the zone it is read in: the one set on its jurisdiction or the
 * nearest level above, else null for the deployment's default.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;

beforeAll(async () => {
  env = await openWorldApp();
});
afterAll(() => env.close());

const itemsOf = async (username: string) => {
  const cookie = await signInAs(env.app, username);
  const response = await env.app.inject({ method: 'GET', url: '/api/deadlines', headers: { cookie } });
  expect(response.statusCode).toBe(200);
  return response.json().items as Array<{ id: string; dueAt: string; timeZone: string | null }>;
};

describe('the zone a due time is read in', () => {
  it('TST-5 an item owes its zone from the nearest level that sets one, else the default (null)', async () => {
    const [before] = (await itemsOf('a_admin')).filter((d) => d.id === env.world.deadlineA);
    expect(before?.timeZone).toBeNull();
    await env.db.query("UPDATE jurisdictions SET time_zone = 'Asia/Urumqi' WHERE code = $1", [COUNTY_A]);
    const [after] = (await itemsOf('a_admin')).filter((d) => d.id === env.world.deadlineA);
    expect(after?.timeZone).toBe('Asia/Urumqi');
    const [other] = (await itemsOf('b_admin')).filter((d) => d.id === env.world.deadlineB);
    expect(other?.timeZone).toBeNull();
  });

  it('TST-5 the same-day item of the routine sweep, due at the local midnight, reads as that day 24:00', async () => {
    await env.db.query('UPDATE jurisdictions SET time_zone = NULL WHERE code = $1', [COUNTY_A]);
    const cookie = await signInAs(env.app, 'a_admin');
    const [id] = await env.db.query<{ id: string }>(
      `INSERT INTO deadlines (rule_id, subject_type, subject_id, kind, jurisdiction_code, owner_role, title_zh,
         title_en, opened_at, due_at)
       VALUES ('TST-5', 'person', $1, 'routine:2026-11-24', $2, 'department_liaison', '漏检', 'missed',
         '2026-11-24T02:00:00Z', '2026-11-24T16:00:00Z') RETURNING id`,
      [env.world.personA.id, COUNTY_A],
    );
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/deadlines?subjectId=${env.world.personA.id}&ruleId=TST-5`,
      headers: { cookie },
    });
    const item = response.json().items.find((d: { id: string }) => d.id === id!.id);
    expect(localDue(new Date(item.dueAt), item.timeZone ?? env.ctx.config.defaultTimeZone)).toEqual({
      date: '2026-11-24',
      time: '24:00',
    });
  });
});
