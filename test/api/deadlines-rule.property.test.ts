import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { listDeadlines } from '../../src/platform/deadlines/list.js';
import { openDeadlines } from '../../src/platform/deadlines/service.js';
import { type DeadlineTimes, deadlineStatus, escalatedInto } from '../../src/rules/deadlines.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { actorFor, COUNTY_A, seedWorld, VILLAGE_A } from '../support/world.js';

/**
 * The lists filter in SQL (src/platform/deadlines/sql.ts), the views state through the pure rule
 * (src/rules/deadlines.ts): for any items, opened before, at or after their due time, and any moment,
 * both pick the same items, for every state and for what has climbed into a town, a county and a
 * city (CMD-1, and nothing escalating on creation).
 */
let ctx: AppContext;
let drop: () => Promise<void>;
let county: Actor;

const START = Date.parse('2026-11-24T02:00:00Z');
const TOWN = VILLAGE_A.slice(0, 9);
const OTHER_VILLAGE = '211122001002';
const MINUTE = 60_000;
const town = actorFor(randomUUID(), 'town', ['working_group'], [TOWN]);
const CITY = COUNTY_A.slice(0, 4);
const city = actorFor(randomUUID(), 'city', ['working_group'], [CITY]);

beforeAll(async () => {
  const opened = await freshDatabase();
  drop = opened.drop;
  ctx = testContext(opened.db).ctx;
  county = (await seedWorld(ctx)).users.a_admin!;
});
afterAll(() => drop());

interface Generated {
  owner: string;
  openedAt: number;
  dueAt: number;
  everyMinutes: number | null;
}

/** Whole seconds, so that the database keeps every instant exactly. */
const seconds = (min: number, max: number) =>
  fc.integer({ min: min * 60, max: max * 60 }).map((s) => s * 1000);

const itemArb: fc.Arbitrary<Generated> = fc
  .record({
    owner: fc.constantFrom(VILLAGE_A, OTHER_VILLAGE, TOWN, COUNTY_A),
    openedAt: seconds(-3000, 3000),
    // Due before, at or after the opening: a late registration, one at the minute, one in time.
    window: fc.oneof(fc.constant(0), seconds(-3000, -1), seconds(1, 3000)),
    everyMinutes: fc.option(fc.integer({ min: 1, max: 1440 }), { nil: null }),
  })
  .map(({ window, openedAt, ...rest }) => ({
    ...rest,
    openedAt: START + openedAt,
    dueAt: START + openedAt + window,
  }));

/** A moment: anywhere, or a second around one of the instants the rule turns at. */
function momentArb(items: readonly Generated[]): fc.Arbitrary<number> {
  const turns = items.flatMap((item) => {
    const period = (item.everyMinutes ?? 30) * MINUTE;
    return [
      item.dueAt,
      item.openedAt,
      item.openedAt + period,
      item.openedAt + 2 * period,
      item.dueAt + period,
    ];
  });
  return fc.oneof(
    seconds(-3000, 6000).map((s) => START + s),
    fc.tuple(fc.constantFrom(...turns), fc.constantFrom(-1000, 0, 1000)).map(([turn, shift]) => turn + shift),
  );
}

const times = (item: Generated): DeadlineTimes => ({
  jurisdictionCode: item.owner,
  openedAt: new Date(item.openedAt),
  dueAt: new Date(item.dueAt),
  doneAt: null,
  cancelledAt: null,
  escalateAfterMs: item.everyMinutes === null ? null : item.everyMinutes * MINUTE,
});

async function openAll(
  subjectType: string,
  items: readonly Generated[],
): Promise<Map<string, DeadlineTimes>> {
  const ids = await withScope(ctx.db, county, (tx) =>
    openDeadlines(
      tx,
      items.map((item, i) => ({
        ruleId: 'ARR-11',
        subjectType,
        subjectId: randomUUID(),
        kind: `item${i}`,
        jurisdictionCode: item.owner,
        ownerRole: 'community_worker',
        openedAt: new Date(item.openedAt),
        dueAt: new Date(item.dueAt),
        escalateAfterMinutes: item.everyMinutes,
        title: { zh: `事项${i}`, en: `item ${i}` },
      })),
    ),
  );
  return new Map(ids.map((id, i) => [id, times(items[i]!)]));
}

async function sqlIds(
  actor: Actor,
  filter: Parameters<typeof listDeadlines>[2],
  subjectType: string,
  now: Date,
): Promise<string[]> {
  const page = await withScope(ctx.db, actor, (tx) =>
    listDeadlines(tx, actor, { ...filter, subjectType }, 1, 100, now),
  );
  return page.items.map((item) => item.id).sort();
}

describe('the SQL of the lists agrees with the rule for any items and moment', () => {
  it('CMD-1 states and escalation, items opened before, at or after their due time', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(itemArb, { minLength: 1, maxLength: 6 })
          .chain((items) => fc.tuple(fc.constant(items), momentArb(items))),
        async ([items, moment]) => {
          const subjectType = `property-${run++}`;
          const opened = await openAll(subjectType, items);
          const now = new Date(moment);
          const expected = (keep: (item: DeadlineTimes) => boolean) =>
            [...opened]
              .filter(([, item]) => keep(item))
              .map(([id]) => id)
              .sort();
          for (const state of ['open', 'due_soon', 'overdue'] as const) {
            expect({ state, ids: await sqlIds(county, { state }, subjectType, now) }).toEqual({
              state,
              ids: expected((item) => deadlineStatus(item, now).state === state),
            });
          }
          for (const [actor, scope] of [
            [county, COUNTY_A],
            [town, TOWN],
            [city, CITY],
          ] as const) {
            expect({ scope, ids: await sqlIds(actor, { escalatedToMe: true }, subjectType, now) }).toEqual({
              scope,
              ids: expected((item) => escalatedInto(item, scope, now)),
            });
          }
        },
      ),
      { numRuns: 150, seed: 20261124 },
    );
  }, 120_000);
});
