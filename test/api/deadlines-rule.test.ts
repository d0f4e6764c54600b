import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { listDeadlines } from '../../src/platform/deadlines/list.js';
import { type DeadlineInput, openDeadlines } from '../../src/platform/deadlines/service.js';
import { summarizeDeadlines } from '../../src/platform/deadlines/summary.js';
import { type DeadlineTimes, deadlineStatus, escalatedInto } from '../../src/rules/deadlines.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { actorFor, COUNTY_A, seedWorld, VILLAGE_A } from '../support/world.js';

/**
 * The lists filter and count in SQL, the views state things through the pure rule
 * (src/rules/deadlines.ts): at every moment of a sweep both must pick exactly the same items.
 */
let ctx: AppContext;
let drop: () => Promise<void>;
let county: Actor;
const times = new Map<string, DeadlineTimes>();

const START = new Date('2026-11-24T02:00:00Z');
const TOWN = VILLAGE_A.slice(0, 9);
const OTHER_VILLAGE = '211122001002';
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const town = actorFor(randomUUID(), 'town', ['working_group'], [TOWN]);
const village = actorFor(randomUUID(), 'village', ['community_worker'], [VILLAGE_A]);

/** [owner, opened, due, explicit escalation minutes] in minutes from START. */
const ITEMS: Array<[string, number, number, number | null]> = [
  [VILLAGE_A, 0, 30, null],
  [VILLAGE_A, 0, 10, null],
  [VILLAGE_A, -60, 120, null],
  [VILLAGE_A, -2880, 1440, null],
  [VILLAGE_A, 0, 30, 15],
  [OTHER_VILLAGE, 0, 45, null],
  [TOWN, 0, 60, null],
  [TOWN, 0, 20, 5],
  [COUNTY_A, 0, 120, null],
  [COUNTY_A, -30, 0, 30],
  // Opened at or after the due time (a late registration): nothing escalates on creation.
  [VILLAGE_A, 30, 0, null],
  [VILLAGE_A, 20, 20, null],
  [TOWN, 100, 20, 10],
  [OTHER_VILLAGE, 600, -2880, null],
  [VILLAGE_A, 1440, 1000, 60],
];
const SWEEP = [
  0, 9, 10, 11, 20, 29, 31, 45, 49, 50, 51, 59, 61, 80, 90, 110, 111, 121, 125, 180, 240, 600, 630, 631, 1441,
  1470, 1500, 1501, 1561, 3000, 5000,
];

beforeAll(async () => {
  const opened = await freshDatabase();
  drop = opened.drop;
  ctx = testContext(opened.db).ctx;
  const world = await seedWorld(ctx);
  county = world.users.a_admin!;
  const inputs: DeadlineInput[] = ITEMS.map(([owner, opened, due, every], i) => ({
    ruleId: 'ARR-11',
    subjectType: 'sweep',
    subjectId: randomUUID(),
    kind: `item${i}`,
    jurisdictionCode: owner,
    ownerRole: 'community_worker',
    openedAt: at(opened),
    dueAt: at(due),
    escalateAfterMinutes: every,
    title: { zh: `事项${i}`, en: `item ${i}` },
  }));
  const ids = await withScope(ctx.db, county, (tx) => openDeadlines(tx, inputs));
  ids.forEach((id, i) => {
    const [owner, opened, due, every] = ITEMS[i]!;
    times.set(id, {
      jurisdictionCode: owner,
      openedAt: at(opened),
      dueAt: at(due),
      doneAt: null,
      cancelledAt: null,
      escalateAfterMs: every === null ? null : every * 60_000,
    });
  });
});
afterAll(() => drop());

async function ids(actor: Actor, filter: Parameters<typeof listDeadlines>[2], now: Date): Promise<string[]> {
  const page = await withScope(ctx.db, actor, (tx) =>
    listDeadlines(tx, actor, { ...filter, subjectType: 'sweep' }, 1, 200, now),
  );
  return page.items.map((item) => item.id).sort();
}

const expected = (keep: (id: string, item: DeadlineTimes) => boolean) =>
  [...times]
    .filter(([id, item]) => keep(id, item))
    .map(([id]) => id)
    .sort();

describe('the SQL of the lists agrees with the rule', () => {
  it.each(SWEEP)('ARR-11 states at minute %i', async (minute) => {
    const now = at(minute);
    for (const state of ['open', 'due_soon', 'overdue'] as const) {
      const sql = await ids(county, { state }, now);
      expect({ state, ids: sql }).toEqual({
        state,
        ids: expected((_, item) => deadlineStatus(item, now).state === state),
      });
    }
  });

  it.each(SWEEP)('ARR-11 escalated to the county, a town and a village at minute %i', async (minute) => {
    const now = at(minute);
    for (const [actor, scope] of [
      [county, COUNTY_A],
      [town, TOWN],
      [village, VILLAGE_A],
    ] as const) {
      const sql = await ids(actor, { escalatedToMe: true }, now);
      expect({ scope, ids: sql }).toEqual({
        scope,
        ids: expected((_, item) => escalatedInto(item, scope, now)),
      });
    }
  });

  it.each(SWEEP)('ARR-11 the summary counts what the rule says at minute %i', async (minute) => {
    const now = at(minute);
    const summary = await withScope(ctx.db, county, (tx) => summarizeDeadlines(tx, county, undefined, now));
    // Every open item of the county, the world's own included, as the rule states it.
    const open = await withScope(ctx.db, county, (tx) => listDeadlines(tx, county, {}, 1, 200, now));
    expect(open.total).toBeLessThan(200);
    const count = (state: string) => open.items.filter((item) => item.state === state).length;
    expect(summary.counts).toMatchObject({
      open: count('open'),
      due_soon: count('due_soon'),
      overdue: count('overdue'),
    });
    const climbed = open.items.filter(
      (item) =>
        item.jurisdictionCode !== COUNTY_A &&
        item.escalatedTo !== null &&
        item.escalatedTo.length <= COUNTY_A.length,
    );
    expect(summary.escalatedToMe).toBe(climbed.length);
  });
});
