import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/** 红山区, Chifeng: governed in the test world by the Chifeng pack [004]. */
const CHIFENG_VILLAGE = '150402001001';
let env: Awaited<ReturnType<typeof openWorldApp>>;
let chifeng: string;
let panshan: string;

beforeAll(async () => {
  env = await openWorldApp();
  chifeng = await signInAs(env.app, 'b_admin');
  panshan = await signInAs(env.app, 'a_admin');
});
afterAll(() => env.close());

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });

interface PlanJson {
  rule: string;
  day0: string;
  releaseDate: string;
  phases: Array<{ kind: string; startDate: string; endDate: string }>;
  tests: Array<{ kind: string; day: number; date: string }>;
}
const activePlan = (detail: { plans: Array<{ status: string; plan: unknown }> }) =>
  detail.plans.find((plan) => plan.status === 'active')?.plan as PlanJson;

const countRows = async (table: string) =>
  (await env.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

describe('arrivals planned by the governing pack', () => {
  let arrivalId: string;

  it('ARR-9 "对来自其他地区人员,实施7天居家隔离和入赤第一时间核酸+抗原双检测,第3天、第7天各进行1次核酸检测"', async () => {
    const response = await post('/api/arrivals', chifeng, {
      person: { name: '王五', idNumber: withCheckDigit('15040219850505001'), phone: '13700137000' },
      jurisdictionCode: CHIFENG_VILLAGE,
      origin: 'domestic',
      originDivisionCode: '110105',
      // 23:30 in Chifeng on 2026-11-23 is still 15:30 UTC: day 0 is the local date.
      arrivedAt: '2026-11-23T15:30:00Z',
      homeIsolationConditions: true,
      negativeNatAt: '2026-11-22T12:00:00Z',
    });
    expect(response.statusCode).toBe(201);
    const detail = response.json();
    arrivalId = detail.id;
    expect(detail).toMatchObject({
      status: 'under_control',
      ruleId: 'ARR-9',
      packId: 'chifeng-2022',
      releaseDate: '2026-11-30',
    });
    const plan = activePlan(detail);
    expect(plan.day0).toBe('2026-11-23');
    expect(plan.phases.map((p) => [p.kind, p.startDate, p.endDate])).toEqual([
      ['home_isolation', '2026-11-23', '2026-11-30'],
    ]);
    expect(plan.tests.map((t) => `${t.kind}@${t.date}`)).toEqual(
      expect.arrayContaining(['nat@2026-11-23', 'antigen@2026-11-23', 'nat@2026-11-26', 'nat@2026-11-30']),
    );
    expect(response.body).not.toContain('13700137000');
  });

  it('puts every test and the release on the community’s deadline list, owned by the destination', async () => {
    const rows = await env.db.query<{
      kind: string;
      owner_role: string;
      jurisdiction_code: string;
      rule_id: string;
    }>(
      `SELECT d.kind, d.owner_role, d.jurisdiction_code, d.rule_id FROM deadlines d
        WHERE d.subject_type = 'arrival' AND d.subject_id = $1 AND d.done_at IS NULL ORDER BY d.due_at, d.kind`,
      [arrivalId],
    );
    expect(rows.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['test:nat:d0', 'test:antigen:d0', 'test:nat:d3', 'test:nat:d7', 'phase:0:end']),
    );
    expect(new Set(rows.map((r) => `${r.owner_role}/${r.jurisdiction_code}/${r.rule_id}`))).toEqual(
      new Set([`community_worker/${CHIFENG_VILLAGE}/ARR-9`]),
    );
  });

  it('ISO-6: the phase cannot end before its release test is negative; results close their deadlines', async () => {
    const early = await post(`/api/arrivals/${arrivalId}/events`, chifeng, {
      item: 'phase:0:end',
      result: 'done',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().errors[0]).toMatchObject({ field: 'item', code: 'release_tests_pending' });
    const result = await post(`/api/arrivals/${arrivalId}/events`, chifeng, {
      item: 'test:nat:d7',
      result: 'negative',
      at: '2026-11-30T02:00:00Z',
    });
    expect(result.statusCode).toBe(200);
    const [open] = await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deadlines d 
       WHERE d.subject_type = 'arrival' AND d.subject_id = $1 AND d.kind = 'test:nat:d7' AND d.done_at IS NULL`,
      [arrivalId],
    );
    expect(open!.n).toBe(0);
    const twice = await post(`/api/arrivals/${arrivalId}/events`, chifeng, {
      item: 'test:nat:d7',
      result: 'negative',
    });
    expect(twice.json().errors[0].code).toBe('plan_item_recorded');
    const release = await post(`/api/arrivals/${arrivalId}/events`, chifeng, {
      item: 'phase:0:end',
      result: 'done',
    });
    expect(release.statusCode).toBe(200);
    expect(release.json().status).toBe('released');
  });

  it('refuses an invalid arrival with every field error, and writes nothing', async () => {
    const before = [await countRows('arrivals'), await countRows('persons')];
    const response = await post('/api/arrivals', chifeng, {
      person: { name: '赵九', idNumber: '150402198505050010' },
      jurisdictionCode: CHIFENG_VILLAGE,
      origin: 'domestic',
      arrivedAt: '2026-11-23T10:00:00Z',
      negativeNatAt: '2026-11-24T10:00:00Z',
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)
        .sort(),
    ).toEqual([
      'negativeNatAt:after_arrival',
      'originDivisionCode:origin_code_required',
      'person.idNumber:id_checksum',
    ]);
    expect([await countRows('arrivals'), await countRows('persons')]).toEqual(before);
  });

  it('refuses an unknown destination as a field error (the person is not registered first)', async () => {
    const before = await countRows('persons');
    const response = await post('/api/arrivals', chifeng, {
      person: { name: '周十二', idNumber: withCheckDigit('15040219800101003') },
      jurisdictionCode: '150402999999',
      origin: 'overseas',
      arrivedAt: '2026-11-23T10:00:00Z',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'jurisdictionCode', code: 'jurisdiction_unknown' }),
    ]);
    expect(await countRows('persons')).toBe(before);
  });

  it('keeps arrivals to their county: another county cannot see or register into it', async () => {
    expect((await get(`/api/arrivals/${arrivalId}`, panshan)).statusCode).toBe(404);
    const list = await get('/api/arrivals', panshan);
    expect(list.json().items.map((a: { id: string }) => a.id)).not.toContain(arrivalId);
    const foreign = await post('/api/arrivals', panshan, {
      person: { name: '钱十', idNumber: withCheckDigit('21112219700101002') },
      jurisdictionCode: CHIFENG_VILLAGE,
      origin: 'overseas',
      arrivedAt: '2026-11-23T10:00:00Z',
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('ARR-7 "追溯倒查 14 天": lists who left a newly published area in the 14 days before', async () => {
    const found = await get(
      '/api/arrivals/lookback?divisionCode=110105001&publishedAt=2026-11-24T00:00:00Z',
      chifeng,
    );
    expect(found.json().items.map((a: { id: string }) => a.id)).toEqual([arrivalId]);
    const later = await get(
      '/api/arrivals/lookback?divisionCode=110105&publishedAt=2026-12-20T00:00:00Z',
      chifeng,
    );
    expect(later.json().items).toEqual([]);
  });

  it('ARR-7 "同时追溯倒查 14 天": acting on the list re-plans a person as from the area now published', async () => {
    const registered = await post('/api/arrivals', chifeng, {
      person: { name: '孙十一', idNumber: withCheckDigit('15040219900909001') },
      jurisdictionCode: CHIFENG_VILLAGE,
      origin: 'domestic',
      originDivisionCode: '110105',
      arrivedAt: '2026-11-22T02:00:00Z',
      homeIsolationConditions: true,
      // ARR-9's 48 h NAT shown: no shortfall task, so the plan's work is all there is.
      negativeNatAt: '2026-11-21T12:00:00Z',
    });
    const id = registered.json().id;
    expect(registered.json().originRisk).toBe('low');
    const response = await post(`/api/arrivals/${id}/reclassify`, chifeng, {
      originRisk: 'high',
      originDistrictRisk: 'high',
      reason: '北京市朝阳区某小区 11-23 公布为高风险区',
    });
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail).toMatchObject({ originRisk: 'high', status: 'under_control', releaseDate: '2026-12-06' });
    const plan = activePlan(detail);
    expect(plan.phases.map((p) => [p.kind, p.startDate, p.endDate])).toEqual([
      ['centralised_isolation', '2026-11-22', '2026-12-06'],
    ]);
    expect(detail.plans.map((p: { status: string }) => p.status)).toEqual(['active', 'superseded']);
    const open = await env.db.query<{ kind: string; owner_role: string }>(
      `SELECT kind, owner_role FROM deadlines WHERE subject_type = 'arrival' AND subject_id = $1
       AND done_at IS NULL AND cancelled_at IS NULL`,
      [id],
    );
    expect(open.map((d) => d.kind)).toContain('test:nat:d10');
    // Days 0 and 1 have passed: one catch-up NAT (day 1's) makes up both; the antigen test its own.
    expect(open.map((d) => d.kind)).toContain('test:nat:d1');
    expect(open.map((d) => d.kind)).toContain('test:antigen:d0');
    expect(open.map((d) => d.kind)).not.toContain('test:nat:d0');
    expect(open).toHaveLength(plan.tests.length + plan.phases.length - 1);
    expect(new Set(open.map((d) => d.owner_role))).toEqual(new Set(['isolation_manager']));
  });
});

describe('the arrivals list filtered as the dashboard drills into it', () => {
  let overseas: string;
  let domestic: string;
  const ids = async (query: string) =>
    (await get(`/api/arrivals?jurisdiction=${CHIFENG_VILLAGE}&${query}`, chifeng))
      .json()
      .items.map((a: { id: string }) => a.id)
      .sort();

  beforeAll(async () => {
    const first = await post('/api/arrivals', chifeng, {
      person: { name: '吴十三', idNumber: withCheckDigit('15040219750303001') },
      jurisdictionCode: CHIFENG_VILLAGE,
      origin: 'overseas',
      originCountry: '韩国',
      enteredAt: '2026-11-12T02:00:00Z',
      portIsolationDays: 3,
      // 01:00 on 2026-11-16 in Chifeng, still 2026-11-15 in UTC.
      arrivedAt: '2026-11-15T17:00:00Z',
    });
    expect(first.statusCode, first.body).toBe(201);
    overseas = first.json().id;
    const second = await post('/api/arrivals', chifeng, {
      person: { name: '郑十四', idNumber: withCheckDigit('15040219750303002') },
      jurisdictionCode: CHIFENG_VILLAGE,
      origin: 'domestic',
      originDivisionCode: '110105',
      arrivedAt: '2026-11-15T10:00:00Z',
      homeIsolationConditions: true,
      negativeNatAt: '2026-11-15T08:00:00Z',
    });
    expect(second.statusCode).toBe(201);
    domestic = second.json().id;
    expect([first.json().originRisk, second.json().originRisk]).toEqual([null, 'low']);
  });

  it('reads from and to as the jurisdiction’s local days, both included', async () => {
    expect(await ids('from=2026-11-16&to=2026-11-16')).toEqual([overseas]);
    expect(await ids('from=2026-11-15&to=2026-11-15')).toEqual([domestic]);
    expect(await ids('from=2026-11-15&to=2026-11-16')).toEqual([domestic, overseas].sort());
  });

  it('filters by the origin’s risk level, `none` for an origin of no level', async () => {
    expect(await ids('from=2026-11-15&to=2026-11-16&risk=low')).toEqual([domestic]);
    expect(await ids('from=2026-11-15&to=2026-11-16&risk=none')).toEqual([overseas]);
    expect(await ids('from=2026-11-15&to=2026-11-16&risk=high')).toEqual([]);
    expect((await get('/api/arrivals?risk=severe', chifeng)).statusCode).toBe(400);
  });
});
