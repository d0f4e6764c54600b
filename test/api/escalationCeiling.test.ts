import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/platform/access/accounts.js';
import { COUNTY_A, PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * CMD-1: an overdue item climbs one level per escalation period, but only as far as someone sits on
 * the chain. The test world is deployed at two counties: accounts at 盘山县 and one of its villages,
 * none at the city (盘锦市, 2111) or the province (辽宁省, 21) above them.
 */
const CITY_A = COUNTY_A.slice(0, 4);
const START = new Date('2026-11-24T02:00:00Z');

let env: Awaited<ReturnType<typeof openWorldApp>>;

beforeAll(async () => {
  env = await openWorldApp();
});
afterAll(() => env.close());

interface Item {
  id: string;
  state: string;
  escalationLevel: number;
  escalatedTo: string | null;
  escalatedToName: string | null;
}

/** The world's 30-minute look at PERSON_A (village A, due 02:30Z), as county A's admin sees it at `at`. */
async function lookAt(at: Date): Promise<Item> {
  env.setNow(at);
  try {
    const cookie = await signInAs(env.app, 'a_admin');
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/deadlines?jurisdiction=${VILLAGE_A}`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    const item = response.json().items.find((d: Item) => d.id === env.world.deadlineA);
    expect(item).toBeDefined();
    return item;
  } finally {
    env.setNow(START);
  }
}

describe('CMD-1 escalation stops at the top of the deployment', () => {
  it('CMD-1 two hours late, a village item stops at the county: nobody sits at the city or the province', async () => {
    // Due 02:30; 30-minute periods: town at once, county at 03:00, city at 03:30, province at 04:00.
    expect(await lookAt(new Date('2026-11-24T04:30:00Z'))).toMatchObject({
      state: 'overdue',
      escalationLevel: 2,
      escalatedTo: COUNTY_A,
      escalatedToName: '盘山县',
    });
  });

  it('CMD-1 before it reaches the county it is at the town, which it climbs through', async () => {
    expect(await lookAt(new Date('2026-11-24T02:45:00Z'))).toMatchObject({
      escalationLevel: 1,
      escalatedTo: `${VILLAGE_A.slice(0, 9)}`,
    });
  });

  it('CMD-1 with an account at the city it goes on to the city, and stops there again once it is deactivated', async () => {
    const user = await env.db.transaction((tx) =>
      createUser(tx, undefined, {
        username: 'city_commander',
        displayName: '盘锦市指挥部',
        password: PASSWORD,
        roles: ['commander'],
        scopes: [CITY_A],
      }),
    );
    const late = new Date('2026-11-24T04:30:00Z');
    expect(await lookAt(late)).toMatchObject({ escalationLevel: 3, escalatedTo: CITY_A });
    await env.db.query('UPDATE users SET active = false WHERE id = $1', [user.id]);
    expect(await lookAt(late)).toMatchObject({ escalationLevel: 2, escalatedTo: COUNTY_A });
  });
});
