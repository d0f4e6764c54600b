import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCasesDemo } from '../../src/modules/cases/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import type { Role } from '../../src/rules/roles.js';
import { createPersons } from '../support/testingTubes.js';
import { actorFor, COUNTY_A, PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

let env: Awaited<ReturnType<typeof openWorldApp>>;

beforeAll(async () => {
  env = await openWorldApp();
});
afterAll(() => env.close());

describe('CAS-2 demo cases', () => {
  it('give every kind of the board a row, the review queue a case, and load once', async () => {
    const actors = [];
    for (const [username, role] of [
      ['d_lab', 'lab'],
      ['d_cdc', 'cdc_epidemiologist'],
      ['d_hospital', 'hospital_reporter'],
    ] as Array<[string, Role]>) {
      const user = await env.ctx.db.transaction((tx) =>
        createUser(tx, undefined, {
          username,
          displayName: username,
          password: PASSWORD,
          roles: [role],
          scopes: [COUNTY_A],
        }),
      );
      actors.push(actorFor(user.id, username, [role], [COUNTY_A]));
    }
    await createPersons(env.ctx, env.world.users.a_admin!, VILLAGE_A, 6, 45);
    const [lab, cdc, hospital] = actors as [(typeof actors)[0], (typeof actors)[0], (typeof actors)[0]];
    await loadCasesDemo(env.ctx, lab, cdc, hospital, COUNTY_A);
    await loadCasesDemo(env.ctx, lab, cdc, hospital, COUNTY_A);
    const cookie = await signInAs(env.app, 'd_cdc');
    const board = (
      await env.app.inject({ method: 'GET', url: '/api/cases/board', headers: { cookie } })
    ).json();
    expect(board.counts).toEqual({ late_report: 1, late_review: 1, overdue: 1, concealed: 1 });
    const queue = (
      await env.app.inject({ method: 'GET', url: '/api/cases?awaitingReview=true', headers: { cookie } })
    ).json();
    expect(queue.total).toBe(2);
    const all = (
      await env.app.inject({ method: 'GET', url: '/api/cases?pageSize=50', headers: { cookie } })
    ).json();
    expect(all.items.map((c: { classification: string }) => c.classification).sort()).toEqual(
      expect.arrayContaining(['asymptomatic', 'confirmed', 'confirmed', 'suspected']),
    );
  });
});
