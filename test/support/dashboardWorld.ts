import type { FastifyInstance } from 'fastify';
import { type ArrivalInput, registerArrival } from '../../src/modules/arrivals/index.js';
import { createPerson } from '../../src/modules/persons/index.js';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { openDeadline } from '../../src/platform/deadlines/service.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { createPersons, insertTube } from './testingTubes.js';
import { COUNTY_A, VILLAGE_A } from './world.js';
import type { openWorldApp } from './worldApp.js';

type Env = Awaited<ReturnType<typeof openWorldApp>>;
const HOUR = 3_600_000;

/** A village of county A in another town than VILLAGE_A's, so the heat table has two rows at work. */
export async function otherVillage(env: Env): Promise<string> {
  const [row] = await env.db.query<{ code: string }>(
    `SELECT code FROM jurisdictions WHERE level = 'village' AND code LIKE $1 AND left(code, 9) <> $2
     ORDER BY code LIMIT 1`,
    [`${COUNTY_A}%`, VILLAGE_A.slice(0, 9)],
  );
  return row!.code;
}

export async function arrive(
  env: Env,
  actor: Actor,
  personId: string,
  jurisdictionCode: string,
  arrivedAt: Date,
  more: Partial<ArrivalInput>,
) {
  return withScope(env.db, actor, (tx) =>
    registerArrival(env.ctx, tx, actor, {
      person: { personId },
      jurisdictionCode,
      channel: 'manual',
      origin: 'domestic',
      originDivisionCode: '110105',
      leftOriginAt: new Date(arrivedAt.getTime() - 6 * HOUR),
      arrivedAt,
      ...more,
    }),
  );
}

/** A key-group person (TST-4) whose last test is old enough that the sweep pushes a missed test (TST-5). */
async function missedCourier(ctx: AppContext, actor: Actor) {
  const courier = await withScope(ctx.db, actor, (tx) =>
    createPerson(ctx, tx, actor, {
      name: '快递员甲',
      idNumber: withCheckDigit(`${COUNTY_A}19900101777`),
      jurisdictionCode: VILLAGE_A,
      keyGroups: ['courier'],
      employer: '顺丰速运',
    }),
  );
  await insertTube(ctx, {
    barcode: 'DASH-RT-0001',
    jurisdictionCode: COUNTY_A,
    members: [courier.id],
    openedAt: new Date('2026-11-21T02:00:00Z'),
    purpose: 'other',
  });
}

/**
 * County A's day at 10:00 in Shanghai (the test clock): arrivals of every kind over the last weeks,
 * around the local midnight too; a positive pool and a positive single tube with their people under
 * control; results on time and late; an overdue tube; campaign samples; a missed routine test.
 */
export async function seedDashboardWorld(env: Env, app: FastifyInstance, admin: string) {
  const actor = env.world.users.a_admin!;
  const now = env.ctx.now();
  const village2 = await otherVillage(env);
  const people = await createPersons(env.ctx, actor, VILLAGE_A, 8, 31);
  const people2 = await createPersons(env.ctx, actor, village2, 3, 32);
  for (const [level, divisionCode, areaName] of [
    ['medium', '310101002003', '上海市黄浦区某某小区'],
    ['high', '310104001001', '上海市徐汇区某某小区'],
  ]) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/risk-areas',
      headers: { cookie: admin },
      payload: {
        level,
        divisionCode,
        areaName,
        publishedAt: '2026-11-01T04:00:00.000Z',
        publisher: '上海市卫生健康委员会',
      },
    });
    if (response.statusCode !== 201) throw new Error(response.body);
  }
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const medium = { originDivisionCode: '310101002003' };
  const high = { originDivisionCode: '310104001001' };
  const overseas = {
    origin: 'overseas' as const,
    originDivisionCode: null,
    originCountry: '日本',
    enteredAt: at(24 * 15),
    portIsolationDays: 14,
  };
  await arrive(env, actor, people[0]!, VILLAGE_A, at(1), { ...medium, channel: 'checkpoint' });
  await arrive(env, actor, people[1]!, VILLAGE_A, at(2), { ...high, channel: 'station' });
  // 00:30 in Shanghai today, still yesterday in UTC: counted today where the county is.
  await arrive(env, actor, people[2]!, VILLAGE_A, at(9.5), { ...overseas, channel: 'push_list' });
  await arrive(env, actor, people[3]!, VILLAGE_A, at(10.5), { channel: 'push_list' });
  await arrive(env, actor, people[4]!, VILLAGE_A, at(24 * 5), { ...high });
  await arrive(env, actor, people[5]!, VILLAGE_A, at(24 * 20), {});
  await arrive(env, actor, people2[0]!, village2, at(3), { channel: 'landing_code' });

  // TST-1: a pool of three positive, a single tube positive (another town), results late and on time.
  const lab = env.world.testingA.labId;
  const campaign = env.world.testingA.campaignId;
  const site = env.world.testingA.siteId;
  const tube = (barcode: string, members: string[], openedHoursAgo: number, extra: object = {}) =>
    insertTube(env.ctx, {
      barcode,
      jurisdictionCode: COUNTY_A,
      siteId: site,
      labId: lab,
      members,
      openedAt: at(openedHoursAgo),
      ...extra,
    });
  await tube('DASH-P-0001', people.slice(0, 3), 2, { capacity: 10, campaignId: campaign });
  await tube('DASH-S-0001', [people2[1]!], 3);
  await tube('DASH-N-0001', people.slice(3, 6), 14, { capacity: 10, campaignId: campaign });
  await tube('DASH-O-0001', [people[6]!], 13);
  const results = await app.inject({
    method: 'POST',
    url: '/api/lab-results',
    headers: { cookie: admin },
    payload: {
      labId: lab,
      results: [
        { barcode: 'DASH-P-0001', result: 'positive' },
        { barcode: 'DASH-S-0001', result: 'positive' },
        { barcode: 'DASH-N-0001', result: 'negative' },
      ],
    },
  });
  if (results.statusCode !== 200) throw new Error(results.body);
  // A positive pool resulted four days ago, loaded with its result (the insert path of the counters).
  await env.db.query(
    `INSERT INTO tubes (barcode, jurisdiction_code, category, capacity, member_count, opened_at, sealed_at, due_at,
       lab_id, received_at, result, resulted_at)
     VALUES ('DASH-P-0002', $1, 'general', 10, 0, $2, $2, $3, $4, $2, 'positive', $3)`,
    [COUNTY_A, at(24 * 4 + 6), at(24 * 4), lab],
  );
  // Due at 13:20 in Shanghai, three hours and twenty minutes after it was opened.
  await withScope(env.db, actor, (tx) =>
    openDeadline(tx, {
      ruleId: 'ARR-11',
      subjectType: 'person',
      subjectId: people2[2]!,
      kind: 'dashboard.soon',
      personId: people2[2]!,
      jurisdictionCode: village2,
      ownerRole: 'community_worker',
      openedAt: now,
      dueAt: new Date(now.getTime() + 3 * HOUR + 20 * 60_000),
      title: { zh: '核实落地码报备', en: 'Verify the landing-code report' },
    }),
  );
  await missedCourier(env.ctx, actor);
  const sweep = await app.inject({
    method: 'POST',
    url: '/api/routine-testing/sweep',
    headers: { cookie: admin },
    payload: {},
  });
  if (sweep.statusCode !== 200) throw new Error(sweep.body);
  return { village2, people, people2 };
}
