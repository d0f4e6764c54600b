import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import type { Database, Queryable } from '../../src/platform/db/types.js';
import { type DeadlineFilter, listDeadlines } from '../../src/platform/deadlines/list.js';
import { type DeadlineInput, openDeadlines } from '../../src/platform/deadlines/service.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { actorFor, COUNTY_A, seedWorld, VILLAGE_A } from '../support/world.js';

/**
 * Plans of 100,000 arrivals put several obligations each on the lists: the overdue, due-soon and
 * escalated views must read the partial indexes on open rows, never the whole table.
 */
const ROWS = 40_000;
const START = new Date('2026-11-24T02:00:00Z');
let db: Database;
let drop: () => Promise<void>;
let ctx: AppContext;
let county: Actor;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  ctx = testContext(db).ctx;
  county = (await seedWorld(ctx)).users.a_admin!;
  const villages = (
    await db.query<{ code: string }>(
      `SELECT code FROM jurisdictions WHERE level = 'village' AND code ^@ $1 ORDER BY code`,
      [COUNTY_A],
    )
  ).map((row) => row.code);
  for (let first = 0; first < ROWS; first += 5_000) {
    const batch: DeadlineInput[] = [];
    for (let i = first; i < first + 5_000; i++) {
      // Tests and phase changes spread over 14 days, the first 10 hours of them already overdue.
      const dueMinute = (i % 20_160) - 600;
      batch.push({
        ruleId: i % 3 === 0 ? 'ARR-11' : 'ARR-9',
        subjectType: 'plan',
        subjectId: randomUUID(),
        kind: `test:${i % 7}`,
        jurisdictionCode: villages[i % villages.length]!,
        ownerRole: 'community_worker',
        openedAt: new Date(START.getTime() - 86_400_000),
        dueAt: new Date(START.getTime() + dueMinute * 60_000),
        title: { zh: '核酸检测', en: 'NAT' },
      });
    }
    await withScope(db, county, (tx) => openDeadlines(tx, batch));
  }
  await db.refreshStatistics(['deadlines']);
}, 300_000);
afterAll(() => drop());

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/** The plans of every query listDeadlines runs for this filter, as the caller would run them. */
async function plansOf(actor: Actor, filter: DeadlineFilter): Promise<PlanNode[]> {
  return withScope(db, actor, async (tx) => {
    const seen: Array<[string, readonly unknown[]]> = [];
    const recording: Queryable = {
      query: (sql, params = []) => {
        seen.push([sql, params]);
        return tx.query(sql, params);
      },
      exec: (sql) => tx.exec(sql),
    };
    await listDeadlines(recording, actor, filter, 1, 20, START);
    const plans: PlanNode[] = [];
    for (const [sql, params] of seen.filter(([sql]) => sql.includes('FROM deadlines'))) {
      const [row] = await tx.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> | string }>(
        `EXPLAIN (FORMAT JSON) ${sql}`,
        params,
      );
      const explained = row!['QUERY PLAN'];
      plans.push((typeof explained === 'string' ? JSON.parse(explained) : explained)[0].Plan);
    }
    return plans;
  });
}

describe(`lists over ${ROWS.toLocaleString('en')} open obligations`, () => {
  const village = actorFor(randomUUID(), 'village', ['community_worker'], [VILLAGE_A]);
  it.each([
    ['the county’s overdue list', () => county, { state: 'overdue' }],
    ['the county’s due-soon list', () => county, { state: 'due_soon' }],
    ['what has climbed to the county', () => county, { escalatedToMe: true }],
    ['the county’s ARR-11 overdue list', () => county, { state: 'overdue', ruleId: 'ARR-11' }],
    ['a community’s overdue list', () => village, { state: 'overdue' }],
    ['a community’s open list', () => village, { state: 'pending' }],
  ] as const)('ARR-11 %s reads an index, not the table', async (_title, actor, filter) => {
    const plans = await plansOf(actor(), filter);
    expect(plans.length).toBe(2);
    for (const plan of plans) {
      const scanned = nodes(plan).filter((node) => node['Relation Name'] === 'deadlines');
      expect(scanned.length).toBeGreaterThan(0);
      expect(scanned.map((node) => node['Node Type'])).not.toContain('Seq Scan');
    }
  });
});
