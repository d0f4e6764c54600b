import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import { permissionsOf, type Role } from '../../rules/roles.js';
import { registerArrival } from '../arrivals/index.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { demoArrivals, type Places, type Resident } from './arrivalPlan.js';
import { contextAt } from './clock.js';
import { addDemoLandingReports } from './landingReports.js';
import { type PlannedArrival, recordDemoEvents } from './planEvents.js';
import { seededRandom } from './random.js';
import { addDemoRiskAreas } from './riskAreas.js';
import { addDemoTrucks } from './trucks.js';

const STAFF = ['working_group', 'community_worker', 'checkpoint_staff', 'isolation_manager'] as const;
type Staff = (typeof STAFF)[number];

export interface DemoActivity {
  riskAreas: number;
  arrivals: number;
  landingReports: number;
  planEvents: number;
  truckReports: number;
}

/** The demo's staff accounts as actors: their work is recorded and audited under their names. */
async function staffActors(tx: Queryable): Promise<Record<Staff, Actor> | undefined> {
  const rows = await tx.query<{
    id: string;
    username: string;
    displayName: string;
    roles: Role[];
    scopes: string[];
  }>(
    `SELECT id, username, display_name AS "displayName", roles, scopes FROM users WHERE username = ANY ($1::text[])`,
    [[...STAFF]],
  );
  const byName = new Map(rows.map((row) => [row.username, row]));
  const actors: Partial<Record<Staff, Actor>> = {};
  for (const name of STAFF) {
    const row = byName.get(name);
    if (!row) return undefined;
    actors[name] = {
      userId: row.id,
      username: row.username,
      displayName: row.displayName,
      roles: row.roles,
      permissions: permissionsOf(row.roles),
      scopes: row.scopes,
    };
  }
  return actors as Record<Staff, Actor>;
}

async function demoPlaces(tx: Queryable, county: string, first: string) {
  const villages = await tx.query<{ code: string; name: string }>(
    "SELECT code, name FROM jurisdictions WHERE level = 'village' AND code ^@ $1 ORDER BY code",
    [county],
  );
  // A few adults of working age from every grid, in an order that does not depend on generated
  // ids, read through the (jurisdiction, name) index whatever the size of the demo.
  const residents = await tx.query<Resident>(
    `SELECT p.id, g.parent_code AS village FROM jurisdictions g
     CROSS JOIN LATERAL (SELECT id, name, id_masked, household_code FROM persons
       WHERE jurisdiction_code = g.code AND birth_date BETWEEN '1961-01-01' AND '2004-12-31'
       ORDER BY name, id_masked, household_code LIMIT 4) p
     WHERE g.level = 'grid' AND g.code ^@ $1 ORDER BY g.code, p.name, p.id_masked, p.household_code`,
    [county],
  );
  const places: Places = {
    villages: villages.map((v) => v.code),
    first,
    residents,
    firstResidents: residents.filter((r) => r.village === first),
  };
  const firstPlace = villages.find((v) => v.code === first) ?? firstRow(villages, 'SELECT the demo villages');
  return { places, named: { first: firstPlace, villages } };
}

/** Already loaded: the first demo arrival exists (its source ref is fixed; the channel is not). */
async function loaded(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.query(
    "SELECT 1 FROM arrivals WHERE channel = ANY ($1::text[]) AND source_ref = 'demo-arrival-000' LIMIT 1",
    [['checkpoint', 'push_list', 'manual']],
  );
  return row !== undefined;
}

/**
 * What a new user should find on the arrival pages (ARR-4, ARR-5, ARR-7, ARR-8, ARR-11, ARR-12): risk
 * areas published around China, two weeks of arrivals into the county's communities with their plans
 * and some of the work on them done, landing-code reports worked round the loop, and truck
 * pre-reports whose escort falls due. All relative to `ctx.now()`, in one transaction, and only
 * once: a second load finds the first and adds nothing.
 */
export async function loadDemoActivity(ctx: AppContext, county: string): Promise<DemoActivity> {
  const none: DemoActivity = { riskAreas: 0, arrivals: 0, landingReports: 0, planEvents: 0, truckReports: 0 };
  if (await loaded(ctx)) return none;
  return ctx.db.transaction(async (tx) => {
    const actors = await staffActors(tx);
    const first = actors?.community_worker.scopes[0];
    if (!actors || !first) return none;
    const random = seededRandom(20221109);
    const now = ctx.now();
    const timeZone = await effectiveTimeZone(tx, county, ctx.config.defaultTimeZone);
    const riskAreas = await addDemoRiskAreas(ctx, tx, actors.working_group, timeZone);
    const { places, named } = await demoPlaces(tx, county, first);
    const planned: PlannedArrival[] = [];
    for (const arrival of demoArrivals(random, now, timeZone, places)) {
      // Registered as it happened, a quarter of an hour after arriving: its work opens then.
      const registeredAt = Math.min(now.getTime(), arrival.input.arrivedAt.getTime() + 15 * 60_000);
      const at = contextAt(ctx, new Date(registeredAt));
      const registered = await registerArrival(at, tx, actors[arrival.by], arrival.input);
      planned.push({
        arrivalId: registered.arrivalId,
        jurisdictionCode: arrival.input.jurisdictionCode,
        plan: registered.plan,
      });
    }
    const planEvents = await recordDemoEvents(tx, actors.isolation_manager, random, now, planned, first);
    const landingReports = await addDemoLandingReports(
      ctx,
      tx,
      { workingGroup: actors.working_group, communityWorker: actors.community_worker },
      random,
      timeZone,
      named,
    );
    const truckReports = await addDemoTrucks(ctx, tx, actors.community_worker, random, first);
    return { riskAreas, arrivals: planned.length + landingReports, landingReports, planEvents, truckReports };
  });
}
