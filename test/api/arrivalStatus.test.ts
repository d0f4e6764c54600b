import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { localDate } from '../../src/rules/time.js';
import { COUNTY_A, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * B7: a traveller who could name only their district when a street of it was high-risk; and item
 * 21: an arrival's status follows its plan, and the count of people under control is exact.
 * 盘山县 (COUNTY_A) is governed by Panshan's plan [003], 红山区 (COUNTY_B) by Chifeng's [004].
 */
const VILLAGE = `${COUNTY_A}001001`;
const OTHER_VILLAGE = `${COUNTY_A}001002`;
const CHIFENG_VILLAGE = '150402001001';
let env: Awaited<ReturnType<typeof openWorldApp>>;
let panshan: string;
let chifeng: string;

beforeAll(async () => {
  env = await openWorldApp();
  panshan = await signInAs(env.app, 'a_admin');
  chifeng = await signInAs(env.app, 'b_admin');
  // 北京市朝阳区建外街道 (a street of 110105) high-risk since 11-01; the HQ treats 吉林市 whole as high.
  await env.db.query(
    `INSERT INTO risk_areas (id, level, division_code, area_name, published_at, publisher) VALUES
       (gen_random_uuid(), 'high', '110105001', '朝阳区建外街道', '2026-11-01T00:00:00Z', '北京市')`,
  );
  await env.db.query(
    `INSERT INTO risk_area_overrides (id, division_prefix, name, treat_as, valid_from, reason)
     VALUES (gen_random_uuid(), '2202', '吉林市全域', 'high', '2026-11-01T00:00:00Z', '指挥部通知')`,
  );
});
afterAll(() => env.close());

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const send = (method: 'POST' | 'PUT', url: string, cookie: string, payload: object) =>
  env.app.inject({ method, url, headers: { cookie }, payload });

let serial = 0;
function arrive(cookie: string, jurisdictionCode: string, originDivisionCode: string, arrivedAt: string) {
  serial += 1;
  return send('POST', '/api/arrivals', cookie, {
    person: {
      name: `来返${serial}`,
      idNumber: withCheckDigit(`21112219900101${String(100 + serial)}`),
      phone: `1380013${String(8000 + serial)}`,
    },
    jurisdictionCode,
    origin: 'domestic',
    originDivisionCode,
    arrivedAt,
    negativeNatAt: '2026-11-22T12:00:00Z',
    homeIsolationConditions: true,
  });
}

describe('B7 an origin known only to a district that holds a published high-risk street', () => {
  it('ARR-5 / ARR-8 is not "low risk, move freely": the pack reads it cautiously and the plan says so', async () => {
    const response = await arrive(panshan, VILLAGE, '110105', '2026-11-23T10:00:00Z');
    expect(response.statusCode).toBe(201);
    const detail = response.json();
    // The registry's level for the district itself stays as published; the plan used the street's.
    expect(detail).toMatchObject({ originRisk: 'low', ruleId: 'ARR-5', status: 'under_control' });
    expect(detail.planRisk).toMatchObject({
      level: 'high',
      published: 'low',
      coarse: { finerRisk: 'high', reading: 'cautious', assumption: true },
    });
    expect(detail.planRisk.coarse.source.document).toBe('003');
  });

  it('ARR-5 the same street named exactly is high-risk; a street beside it is not', async () => {
    const exact = (await arrive(panshan, VILLAGE, '110105001', '2026-11-23T10:00:00Z')).json();
    expect(exact).toMatchObject({ originRisk: 'high', ruleId: 'ARR-5' });
    expect(exact.planRisk.coarse).toBeUndefined();
    const beside = (await arrive(panshan, VILLAGE, '110105002', '2026-11-23T10:00:00Z')).json();
    expect(beside).toMatchObject({ originRisk: 'low', ruleId: 'ARR-8', status: 'registered' });
  });

  it('ARR-9 a whole-city override shows as high-risk, naming it: the HQ’s list and the pack’s', async () => {
    const jilin = (await arrive(panshan, VILLAGE, '220202', '2026-11-23T10:00:00Z')).json();
    expect(jilin).toMatchObject({ originRisk: 'high', ruleId: 'ARR-5' });
    expect(jilin.planRisk).toMatchObject({ level: 'high', override: { name: '吉林市全域' } });
    const shanghai = (await arrive(chifeng, CHIFENG_VILLAGE, '310101', '2026-11-23T10:00:00Z')).json();
    expect(shanghai).toMatchObject({ originRisk: 'low', ruleId: 'ARR-9' });
    expect(shanghai.planRisk).toMatchObject({
      level: 'high',
      published: 'low',
      override: { name: '上海市' },
    });
  });

  it('a pack that sends such origins to the CDC: no plan, a CDC review, settled by reclassifying', async () => {
    const text = readFileSync('packs/panshan-2021.yaml', 'utf8')
      .replace('version: "6"', 'version: "5-review"')
      .replace(/coarseOrigin:\n {2}reading: cautious/, 'coarseOrigin:\n  reading: review');
    expect((await send('POST', '/api/policy/packs', panshan, { yaml: text })).statusCode).toBe(201);
    const assigned = await send('PUT', `/api/policy/assignments/${OTHER_VILLAGE}`, panshan, {
      packId: 'panshan-2021',
      version: '5-review',
    });
    expect(assigned.statusCode).toBeLessThan(300);
    const detail = (await arrive(panshan, OTHER_VILLAGE, '110105', '2026-11-23T10:00:00Z')).json();
    expect(detail).toMatchObject({ status: 'origin_review', ruleId: null, plans: [] });
    const review = () =>
      env.db.query<{ owner: string; done: boolean }>(
        `SELECT owner_role AS owner, done_at IS NOT NULL AS done FROM deadlines
         WHERE subject_type = 'arrival' AND subject_id = $1 AND kind = 'origin:review'`,
        [detail.id],
      );
    expect(await review()).toEqual([{ owner: 'cdc_epidemiologist', done: false }]);
    const reclassified = await send('POST', `/api/arrivals/${detail.id}/reclassify`, panshan, {
      originRisk: 'low',
      reason: '核实：行程只在朝阳区望京街道',
    });
    expect(reclassified.json()).toMatchObject({ status: 'registered', ruleId: 'ARR-8' });
    expect(await review()).toEqual([{ owner: 'cdc_epidemiologist', done: true }]);
  });
});

/** Item 21's direct count: active plans with a phase whose last day has not passed, in the county. */
async function directUnderControl(now: Date): Promise<number> {
  const rows = await env.db.query<{ plan: { phases: unknown[]; releaseDate: string; timeZone: string } }>(
    `SELECT pl.plan FROM arrivals a JOIN arrival_plans pl ON pl.arrival_id = a.id AND pl.status = 'active'
     WHERE a.status = 'planned' AND a.jurisdiction_code LIKE $1`,
    [`${COUNTY_A}%`],
  );
  return rows.filter(
    ({ plan }) => plan.phases.length > 0 && localDate(now, plan.timeZone) <= plan.releaseDate,
  ).length;
}

describe('item 21 status follows the plan; the count under control is exact', () => {
  it('register-only low-risk arrivals (ARR-8) are registered, not under control', async () => {
    const low = (await arrive(panshan, VILLAGE, '120101', '2026-11-23T10:00:00Z')).json();
    expect(low).toMatchObject({ ruleId: 'ARR-8', status: 'registered' });
    expect((await get(`/api/arrivals/${low.id}`, panshan)).json().status).toBe('registered');
  });

  it('counts under control exactly what it lists, equal to a direct count of running plans', async () => {
    const now = env.ctx.now();
    const page = (await get(`/api/arrivals?status=under_control&pageSize=100`, panshan)).json();
    expect(page.total).toBe(await directUnderControl(now));
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(page.items).toHaveLength(page.total);
    expect(page.items.every((a: { status: string }) => a.status === 'under_control')).toBe(true);
    // The stored "planned" is no status anyone sees: asking for it is refused, not answered empty.
    expect((await get('/api/arrivals?status=planned', panshan)).statusCode).toBe(400);
    const registered = (await get('/api/arrivals?status=registered&pageSize=100', panshan)).json();
    expect(registered.items.every((a: { ruleId: string }) => a.ruleId === 'ARR-8')).toBe(true);
  });

  it('after the plan’s last day the arrival is released, in the list, the count and its page', async () => {
    const underControl = (await get('/api/arrivals?status=under_control&pageSize=100', panshan)).json();
    // ARR-4's 7 days (world's PERSON_A, released 11-30) end; ARR-5's 14 days (to 12-07) run on.
    env.setNow(new Date('2026-12-01T02:00:00Z'));
    try {
      // Sessions last hours: sign in again at the later time.
      panshan = await signInAs(env.app, 'a_admin');
      const later = (await get('/api/arrivals?status=under_control&pageSize=100', panshan)).json();
      expect(later.total).toBe(await directUnderControl(env.ctx.now()));
      expect(later.total).toBeLessThan(underControl.total);
      const arrivalA = (await get(`/api/arrivals/${env.world.arrivalA.arrivalId}`, panshan)).json();
      expect(arrivalA).toMatchObject({ releaseDate: '2026-11-30', status: 'released' });
      const released = (await get('/api/arrivals?status=released&pageSize=100', panshan)).json();
      expect(released.items.map((a: { id: string }) => a.id)).toContain(env.world.arrivalA.arrivalId);
      env.setNow(new Date('2026-12-08T02:00:00Z'));
      panshan = await signInAs(env.app, 'a_admin');
      const none = (await get('/api/arrivals?status=under_control&pageSize=100', panshan)).json();
      expect(none.total).toBe(0);
      expect(await directUnderControl(env.ctx.now())).toBe(0);
    } finally {
      env.setNow(new Date('2026-11-24T02:00:00Z'));
    }
  });
});
