import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerArrival } from '../../src/modules/arrivals/index.js';
import { withScope } from '../../src/platform/access/scope.js';
import { createPersons, insertTube } from '../support/testingTubes.js';
import { COUNTY_A, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * Issue 13 Deliver 3: a person's whole story. A person arrives from overseas (ARR-4: a plan), is
 * sampled in a pool of 10 that tests positive and is put under control (TST-1); the story tells
 * each in time order, in words, to the roles that may read each source.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let community: string;
let adminB: string;
let personId: string;
let arrivalId: string;
const HOUR = 3_600_000;

interface Story {
  events: Array<{
    at: string;
    source: string;
    title: { zh: string; en: string };
    detail: { zh: string; en: string } | null;
    href: string | null;
    tone: string;
  }>;
  truncated: boolean;
  sources: Array<{ id: string; label: { zh: string; en: string } }>;
}

const story = (id: string, cookie: string) =>
  env.app.inject({ method: 'GET', url: `/api/persons/${id}/story`, headers: { cookie } });

beforeAll(async () => {
  env = await openWorldApp();
  const actor = env.world.users.a_admin!;
  // Plans are stamped with the database's clock: the story's clock starts at the wall clock.
  const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
  env.setNow(start);
  admin = await signInAs(env.app, 'a_admin');
  community = await signInAs(env.app, 'a_community');
  adminB = await signInAs(env.app, 'b_admin');
  const [person, ...others] = await createPersons(env.ctx, actor, VILLAGE_A, 3, 7);
  personId = person!;
  // ARR-4: back from overseas after 14 days at the port of entry, arrived an hour ago.
  const arrival = await withScope(env.ctx.db, actor, (tx) =>
    registerArrival(env.ctx, tx, actor, {
      person: { personId },
      jurisdictionCode: VILLAGE_A,
      channel: 'manual',
      origin: 'overseas',
      originCountry: '日本',
      arrivedAt: new Date(start.getTime() - HOUR),
      enteredAt: new Date(start.getTime() - 15 * 24 * HOUR),
      portIsolationDays: 14,
    }),
  );
  arrivalId = arrival.arrivalId;
  // TST-1: sampled half an hour later in a pool of 10 with two neighbours; the pool is positive.
  await insertTube(env.ctx, {
    barcode: 'STORY-000001',
    jurisdictionCode: COUNTY_A,
    siteId: env.world.testingA.siteId,
    campaignId: env.world.testingA.campaignId,
    openedAt: new Date(start.getTime() + HOUR / 2),
    members: [personId, ...others],
    capacity: 10,
    labId: env.world.testingA.labId,
  });
  env.setNow(new Date(start.getTime() + 3 * HOUR));
  const posted = await env.app.inject({
    method: 'POST',
    url: '/api/lab-results',
    headers: { cookie: admin },
    payload: { labId: env.world.testingA.labId, results: [{ barcode: 'STORY-000001', result: 'positive' }] },
  });
  expect(posted.json()).toMatchObject({ positives: 1, controlsOpened: 3 });
}, 120_000);
afterAll(() => env?.close());

describe('GET /api/persons/:id/story', () => {
  it('tells the arrival and its plan, the sample, the positive pool and the control in time order, in words', async () => {
    const response = await story(personId, admin);
    expect(response.statusCode).toBe(200);
    const body = response.json() as Story;
    const times = body.events.map((event) => Date.parse(event.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const index = (source: string, zh: RegExp) => {
      const found = body.events.findIndex((event) => event.source === source && zh.test(event.title.zh));
      expect({ source, zh: String(zh), found: found >= 0 }).toEqual({ source, zh: String(zh), found: true });
      return found;
    };
    const control = index('controls', /^因混采阳性纳入管控$/);
    const positive = index('samples', /^混采阳性（10合1）$/);
    const sampled = index('samples', /^核酸采样（10合1混采）$/);
    const plan = index('arrivals', /^制定管控方案：/);
    const arrived = index('arrivals', /^来返抵达：来自日本$/);
    // Newest first: the control and the result, then the sample, the plan, the arrival.
    expect(Math.max(control, positive)).toBeLessThan(sampled);
    expect(sampled).toBeLessThan(plan);
    expect(plan).toBeLessThan(arrived);
    const planEvent = body.events[plan]!;
    expect(planEvent.href).toBe(`/arrivals/${arrivalId}`);
    expect(planEvent.detail?.zh).toMatch(/集中隔离医学观察|居家|健康监测|解除/);
    expect(body.events[positive]).toMatchObject({ tone: 'danger', href: '/person-controls' });
    expect(body.events[sampled]!.detail?.zh).toContain('全员核酸第一轮');
    // The re-sampling task the positive opened is in the story too (one deadline mechanism).
    index('deadlines', /^新待办：混采阳性/);
    // Words, not identifiers: no record ids or protocol ids in what the page shows.
    const [stored] = await env.db.query<{ protocol: string }>(
      'SELECT protocol_id AS protocol FROM arrival_plans WHERE arrival_id = $1',
      [arrivalId],
    );
    for (const event of body.events) {
      const text = `${event.title.zh} ${event.detail?.zh ?? ''}`;
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(text).not.toContain(stored!.protocol);
    }
    expect(body.truncated).toBe(false);
    expect(body.sources.map((source) => source.id)).toEqual(
      expect.arrayContaining(['arrivals', 'samples', 'controls', 'deadlines', 'audit']),
    );
    for (const source of body.sources) expect(source.label.zh).not.toMatch(/[A-Za-z]/);
  });

  it('shows audit entries, in words and without numbers, only to a role that may read the audit log', async () => {
    const withAudit = (await story(personId, admin)).json() as Story;
    const created = withAudit.events.find((event) => event.source === 'audit');
    expect(created?.title.zh).toBe('新增人员');
    expect(created?.detail?.zh).toBe('操作人：a_admin');
    const unmasked = await env.app.inject({
      method: 'POST',
      url: `/api/persons/${personId}/unmask`,
      headers: { cookie: admin },
      payload: { reason: '流调核实身份' },
    });
    expect(unmasked.statusCode).toBe(200);
    const after = (await story(personId, admin)).json() as Story;
    const unmask = after.events.find((event) => event.title.zh === '查看完整证件号码和电话');
    expect(unmask?.detail?.zh).toBe('操作人：a_admin；事由：流调核实身份');
    const { idNumber, phone } = unmasked.json() as { idNumber: string; phone: string | null };
    expect(JSON.stringify(after)).not.toContain(idNumber);
    if (phone) expect(JSON.stringify(after)).not.toContain(phone);

    // A community worker holds no audit.read: no audit events, and no audit chip.
    const response = await story(personId, community);
    expect(response.statusCode).toBe(200);
    const worker = response.json() as Story;
    expect(worker.events.filter((event) => event.source === 'audit')).toEqual([]);
    expect(worker.sources.map((source) => source.id)).not.toContain('audit');
    expect(worker.events.some((event) => event.source === 'controls')).toBe(true);
  });

  it('answers 404 for a person of another subtree, as the person page does, and for no person at all', async () => {
    expect((await story(personId, adminB)).statusCode).toBe(404);
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/persons/${personId}`, headers: { cookie: adminB } }))
        .statusCode,
    ).toBe(404);
    expect((await story('00000000-0000-4000-8000-000000000000', admin)).statusCode).toBe(404);
  });
});
