import { DEMO_COUNTY } from '../../src/modules/demo/index.js';
import { createSite } from '../../src/modules/sampling/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import type { Role } from '../../src/rules/roles.js';
import { actorOf } from './scratch.js';

/**
 * The load benchmark's 200 users (bench/load.ts): accounts of mixed roles over the county, its
 * towns and villages, each community worker with a sampling site and persons of their village not
 * yet sampled; their sign-in (each from its own forwarded address) and the home each lands on.
 */
const PASSWORD = 'Bench-password-1';
/** Persons drawn per user for person pages and, for community workers, to sample in order. */
const PEOPLE_PER_USER = 400;

type Scope = 'county' | 'town' | 'village';

/** 200 users: who directs, who works the list, who samples, who tests. */
export const USERS: ReadonlyArray<{ role: Role; scope: Scope; count: number }> = [
  { role: 'commander', scope: 'county', count: 4 },
  { role: 'working_group', scope: 'county', count: 8 },
  { role: 'working_group', scope: 'town', count: 8 },
  { role: 'cdc_epidemiologist', scope: 'county', count: 10 },
  { role: 'lab', scope: 'county', count: 10 },
  { role: 'isolation_manager', scope: 'town', count: 10 },
  { role: 'community_worker', scope: 'village', count: 150 },
];

export interface LoadUser {
  index: number;
  username: string;
  role: Role;
  scope: string;
  address: string;
  cookie: string;
  people: string[];
  /**
   * Community workers: persons of their village never sampled before (the campaign's missing), so
   * none is under control from a positive pool and each may go into a pooled tube; a site in their
   * village; how many they sampled so far (planned).
   */
  toSample: string[];
  siteId?: string;
  sampled: number;
}

const nth = (counts: Map<Role, number>, role: Role) => {
  const n = (counts.get(role) ?? 0) + 1;
  counts.set(role, n);
  return n;
};

export async function createUsers(ctx: AppContext): Promise<LoadUser[]> {
  const towns = await ctx.db.query<{ code: string }>(
    `SELECT code FROM jurisdictions WHERE level = 'town' AND code ^@ $1 ORDER BY code`,
    [DEMO_COUNTY],
  );
  const villages = await ctx.db.query<{ code: string }>(
    `SELECT DISTINCT left(jurisdiction_code, 12) AS code FROM persons WHERE jurisdiction_code ^@ $1 ORDER BY 1`,
    [DEMO_COUNTY],
  );
  const users: LoadUser[] = [];
  const perRole = new Map<Role, number>();
  for (const group of USERS) {
    for (let i = 0; i < group.count; i++) {
      const index = users.length;
      const scope =
        group.scope === 'county'
          ? DEMO_COUNTY
          : group.scope === 'town'
            ? towns[i % towns.length]!.code
            : villages[i % villages.length]!.code;
      users.push({
        index,
        username: `load_${group.role}_${nth(perRole, group.role)}`,
        role: group.role,
        scope,
        // As a reverse proxy in front would forward each client's address (sign-in is limited per address).
        address: `10.0.${Math.floor(index / 250)}.${(index % 250) + 1}`,
        cookie: '',
        people: [],
        toSample: [],
        sampled: 0,
      });
    }
  }
  await ctx.db.transaction(async (tx) => {
    for (const u of users)
      await createUser(tx, undefined, {
        username: u.username,
        displayName: u.username,
        password: PASSWORD,
        roles: [u.role],
        scopes: [u.scope],
      });
  });
  const admin = await actorOf(ctx, 'admin');
  await withScope(ctx.db, admin, async (tx) => {
    for (const u of users) {
      if (u.role !== 'community_worker') continue;
      const site = await createSite(tx, admin, {
        jurisdictionCode: u.scope,
        name: `负载采样点${u.index}`,
        address: null,
        tables: 8,
      });
      u.siteId = site.id;
    }
  });
  for (const u of users) {
    if (u.role !== 'community_worker') continue;
    u.toSample = (
      await ctx.db.query<{ id: string }>(
        `SELECT p.id FROM persons p WHERE p.jurisdiction_code >= $1 AND p.jurisdiction_code < $2
           AND NOT EXISTS (SELECT 1 FROM samples s WHERE s.person_id = p.id)
         ORDER BY p.id LIMIT $3`,
        [u.scope, `${u.scope}:`, PEOPLE_PER_USER],
      )
    ).map((r) => r.id);
  }
  const byScope = new Map<string, string[]>();
  for (const u of users) {
    let people = byScope.get(u.scope);
    if (!people) {
      // Ids are random: the first by id are a random draw from the scope.
      people = (
        await ctx.db.query<{ id: string }>(
          `SELECT id FROM persons WHERE jurisdiction_code >= $1 AND jurisdiction_code < $2 ORDER BY id LIMIT $3`,
          [u.scope, `${u.scope}:`, PEOPLE_PER_USER],
        )
      ).map((r) => r.id);
      byScope.set(u.scope, people);
    }
    u.people = people;
  }
  return users;
}

export async function signInAll(base: string, users: LoadUser[]) {
  for (const u of users) {
    const response = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, 'x-forwarded-for': u.address },
      body: JSON.stringify({ username: u.username, password: PASSWORD }),
    });
    if (response.status !== 200)
      throw new Error(`sign-in of ${u.username}: ${response.status} ${await response.text()}`);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('fk_session='));
    if (!cookie) throw new Error(`sign-in of ${u.username} set no session cookie`);
    u.cookie = cookie.split(';')[0]!;
  }
}

/** The home each role lands on (web/src/work/homeOf.ts), or the deadlines list where a route is missing. */
export async function homes(
  base: string,
  users: LoadUser[],
): Promise<Record<'dashboard' | 'work' | 'lab', string>> {
  const probe = async (path: string, user: LoadUser) => {
    const response = await fetch(`${base}${path}`, { headers: { cookie: user.cookie } });
    await response.text();
    return response.status === 404 ? '/api/deadlines' : path;
  };
  const of = (role: Role) => users.find((u) => u.role === role)!;
  return {
    dashboard: await probe('/api/dashboard', of('commander')),
    work: await probe('/api/my-work', of('community_worker')),
    lab: '/api/lab-results/turnaround',
  };
}
