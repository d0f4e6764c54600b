import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { COUNTY_A, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * ARR-15 (001 §20 “三站一场”) and HC-3 (004 §3): checkpoint staff log every traveller; fever goes to
 * the medical staff, a yellow/red code is held, an origin in a medium/high-risk or key area is
 * registered and handed to the destination community, whose lists get the plan's deadlines.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let community: string;
let other: string;
let highway: string;
let station: string;
const VILLAGE_CHIFENG = '150402001001';

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  community = await signInAs(env.app, 'a_community');
  other = await signInAs(env.app, 'b_admin');
  // The registry (ARR-7): a high-risk street in 朝阳区 and a medium-risk district in Shanghai, in force since 11-20.
  await env.db.query(
    `INSERT INTO risk_areas (id, level, division_code, area_name, published_at, publisher) VALUES
       (gen_random_uuid(), 'high', '110105001', '朝阳区建外街道', '2026-11-20T00:00:00Z', '北京市'),
       (gen_random_uuid(), 'medium', '310101', '上海市黄浦区', '2026-11-20T00:00:00Z', '上海市')`,
  );
  highway = (
    await post('/api/checkpoints', admin, { name: '盘山收费站', kind: 'highway', jurisdictionCode: COUNTY_A })
  ).json().id;
  station = (
    await post('/api/checkpoints', admin, {
      name: '盘山站',
      kind: 'railway_station',
      jurisdictionCode: COUNTY_A,
    })
  ).json().id;
});
afterAll(() => env.close());

function post(url: string, cookie: string, payload: object) {
  return env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
}
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const count = async (sql: string, params: unknown[] = []) =>
  (await env.db.query<{ n: number }>(sql, params))[0]!.n;

let serial = 100;
function traveller(change: object = {}) {
  serial++;
  return {
    name: '赵旅客',
    idNumber: withCheckDigit(`21112219850101${serial}`),
    phone: '13700137000',
    healthCode: 'green',
    temperature: 36.6,
    origin: 'domestic',
    originDivisionCode: '211103',
    destinationCode: VILLAGE_A,
    ...change,
  };
}
const log = (change: object = {}, at = highway, cookie = admin) =>
  post(`/api/checkpoints/${at}/passes`, cookie, traveller(change));

describe('checkpoints (ARR-15)', () => {
  it('creates checkpoints within scope and lists them; another county cannot', async () => {
    const list = (await get(`/api/checkpoints?jurisdiction=${COUNTY_A}`, admin)).json();
    // The world may hold other modules' checkpoints (the co-exposure world seeds one): these two are ours.
    const ours = list.filter((c: { name: string }) => ['盘山收费站', '盘山站'].includes(c.name));
    expect(ours.map((c: { name: string; kind: string }) => `${c.name}/${c.kind}`).sort()).toEqual([
      '盘山收费站/highway',
      '盘山站/railway_station',
    ]);
    expect(
      (await post('/api/checkpoints', other, { name: 'x', kind: 'airport', jurisdictionCode: COUNTY_A }))
        .statusCode,
    ).toBe(403);
    expect((await get(`/api/checkpoints/${highway}`, other)).statusCode).toBe(404);
    const twice = await post('/api/checkpoints', admin, {
      name: '盘山收费站',
      kind: 'highway',
      jurisdictionCode: COUNTY_A,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].field).toBe('name');
  });

  it('a client-given id makes creation safe to retry', async () => {
    const id = '5b5b5b5b-0000-4000-8000-000000000001';
    const body = { id, name: '高升服务区', kind: 'highway', jurisdictionCode: COUNTY_A };
    expect((await post('/api/checkpoints', admin, body)).statusCode).toBe(201);
    expect((await post('/api/checkpoints', admin, body)).statusCode).toBe(200);
    expect(await count('SELECT count(*)::int AS n FROM checkpoints WHERE id = $1', [id])).toBe(1);
  });
});

describe('pass outcomes (ARR-15, HC-3)', () => {
  it('HC-3 green code, normal temperature, low-risk origin: pass, logged, nobody registered', async () => {
    const response = await log();
    expect(response.statusCode).toBe(201);
    const { pass, registration } = response.json();
    expect(pass).toMatchObject({
      outcome: 'pass',
      reasons: [],
      handover: null,
      arrivalId: null,
      temperature: 36.6,
    });
    expect(pass.idNumberMasked).toMatch(/^211122\*{8}\d{3}[\dX]$/);
    expect(registration).toBeNull();
    expect(response.body).not.toContain('13700137000');
  });

  it('ARR-15 “如有发热症状,交由…医务人员规范处置”: 37.3 °C goes to the medical staff', async () => {
    expect((await log({ temperature: 37.3 })).json().pass).toMatchObject({
      outcome: 'medical',
      reasons: ['fever'],
    });
  });

  it('HC-3 a yellow or red code is held', async () => {
    expect((await log({ healthCode: 'yellow' })).json().pass.outcome).toBe('hold');
    expect((await log({ healthCode: 'red' })).json().pass.outcome).toBe('hold');
  });

  it('ARR-15 “中高风险地区…立即登记备案…转交至相关地区”: a high-risk origin becomes an arrival of the community with its plan on the lists', async () => {
    const before = await count('SELECT count(*)::int AS n FROM arrivals');
    const response = await log({ originDivisionCode: '110105001', leftOriginAt: '2026-11-23T06:00:00Z' });
    expect(response.statusCode).toBe(201);
    const { pass, registration } = response.json();
    expect(pass).toMatchObject({
      outcome: 'register_and_hand_over',
      originRisk: 'high',
      handover: 'registered',
    });
    // Item 21: ARR-5's 14 days centralised put the person under control.
    expect(registration).toMatchObject({
      created: true,
      rule: 'ARR-5',
      arrivalId: pass.arrivalId,
      underControl: true,
    });
    expect(await count('SELECT count(*)::int AS n FROM arrivals')).toBe(before + 1);
    const [arrival] = await env.db.query<{
      channel: string;
      source_ref: string;
      jurisdiction_code: string;
      origin_risk: string;
    }>('SELECT channel, source_ref, jurisdiction_code, origin_risk FROM arrivals WHERE id = $1', [
      pass.arrivalId,
    ]);
    expect(arrival).toEqual({
      channel: 'checkpoint',
      source_ref: pass.id,
      jurisdiction_code: VILLAGE_A,
      origin_risk: 'high',
    });
    const deadlines = await env.db.query<{ kind: string; jurisdiction_code: string; rule_id: string }>(
      `SELECT d.kind, d.jurisdiction_code, d.rule_id FROM deadlines d 
       WHERE d.subject_type = 'arrival' AND d.subject_id = $1 ORDER BY d.due_at, d.kind`,
      [pass.arrivalId],
    );
    expect(deadlines.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['test:nat:d1', 'test:nat:d14', 'phase:0:end']),
    );
    expect(new Set(deadlines.map((d) => `${d.jurisdiction_code}/${d.rule_id}`))).toEqual(
      new Set([`${VILLAGE_A}/ARR-5`]),
    );
  });

  it('ARR-15 a medium-risk origin and a street in a high-risk district (ARR-9 “所在区”) are handed over; stations use channel station', async () => {
    const medium = (await log({ originDivisionCode: '310101' }, station)).json();
    expect(medium.pass).toMatchObject({ outcome: 'register_and_hand_over', originRisk: 'medium' });
    const [row] = await env.db.query<{ channel: string }>('SELECT channel FROM arrivals WHERE id = $1', [
      medium.pass.arrivalId,
    ]);
    expect(row!.channel).toBe('station');
    const district = (await log({ originDivisionCode: '110105002' })).json().pass;
    expect(district).toMatchObject({
      outcome: 'register_and_hand_over',
      originDistrictRisk: 'high',
      reasons: ['origin_district_risk'],
    });
  });

  it('ARR-15 fever from a high-risk area: medical first, and registered all the same', async () => {
    const { pass } = (await log({ temperature: 38.2, originDivisionCode: '110105001' })).json();
    expect(pass).toMatchObject({
      outcome: 'medical',
      reasons: ['fever', 'origin_risk'],
      handover: 'registered',
    });
    expect(pass.arrivalId).toBeTruthy();
  });

  it('ARR-15 an overseas traveller is handed over', async () => {
    const { pass } = (
      await log({ origin: 'overseas', originDivisionCode: null, originCountry: '日本' })
    ).json();
    expect(pass).toMatchObject({
      outcome: 'register_and_hand_over',
      reasons: ['overseas'],
      handover: 'registered',
    });
  });

  it('ARR-9 “一律…”: with registerEveryArrival a clean pass is registered too', async () => {
    const { pass, registration } = (await log({ registerEveryArrival: true })).json();
    expect(pass).toMatchObject({ outcome: 'pass', handover: 'registered' });
    expect(registration.arrivalId).toBe(pass.arrivalId);
  });

  it('ARR-15 a destination beyond the checkpoint’s reach is logged for hand-over by hand, not registered', async () => {
    const before = await count('SELECT count(*)::int AS n FROM arrivals');
    const { pass } = (
      await log({ originDivisionCode: '110105001', destinationCode: VILLAGE_CHIFENG })
    ).json();
    expect(pass).toMatchObject({
      outcome: 'register_and_hand_over',
      handover: 'outside_scope',
      arrivalId: null,
    });
    expect(await count('SELECT count(*)::int AS n FROM arrivals')).toBe(before);
  });

  it('a pass sent again with its id changes nothing', async () => {
    const id = '5b5b5b5b-0000-4000-8000-0000000000aa';
    const first = await log({
      id,
      originDivisionCode: '110105001',
      idNumber: withCheckDigit('21112219910101777'),
    });
    expect(first.statusCode).toBe(201);
    const arrivals = await count('SELECT count(*)::int AS n FROM arrivals');
    const again = await log({
      id,
      originDivisionCode: '110105001',
      idNumber: withCheckDigit('21112219910101777'),
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().pass).toEqual(first.json().pass);
    expect(await count('SELECT count(*)::int AS n FROM arrivals')).toBe(arrivals);
    expect(await count('SELECT count(*)::int AS n FROM checkpoint_passes WHERE id = $1', [id])).toBe(1);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM checkpoint_passes');
    const cases: Array<[object, string, string]> = [
      [{ idNumber: '211122198001010018' }, 'idNumber', 'id_checksum'],
      [{ idNumber: '21112219800101001' }, 'idNumber', 'id_length'],
      [{ phone: '12345' }, 'phone', 'phone_format'],
      [{ originDivisionCode: null }, 'originDivisionCode', 'origin_missing'],
      [{ natAt: '2030-01-01T00:00:00Z' }, 'natAt', 'in_future'],
      [{ temperature: 50 }, 'temperature', 'range'],
      [{ healthCode: 'blue' }, 'healthCode', 'enum'],
      [{ destinationCode: '211122999999' }, 'destinationCode', 'jurisdiction_unknown'],
    ];
    for (const [change, field, code] of cases) {
      const response = await log(change);
      expect({ field, status: response.statusCode }).toEqual({ field, status: 400 });
      expect(response.json().errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, code })]),
      );
    }
    expect(await count('SELECT count(*)::int AS n FROM checkpoint_passes')).toBe(before);
  });

  it('a registration the arrival refuses is refused whole (registerEveryArrival needs an origin code)', async () => {
    const before = await count('SELECT count(*)::int AS n FROM checkpoint_passes');
    const response = await log({ registerEveryArrival: true, originDivisionCode: null, originName: '某地' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({
      field: 'originDivisionCode',
      code: 'origin_code_required',
    });
    expect(await count('SELECT count(*)::int AS n FROM checkpoint_passes')).toBe(before);
  });

  it('CMD-1 a community worker and another county cannot log at or read the county’s checkpoint', async () => {
    expect((await log({}, highway, community)).statusCode).toBe(404);
    expect((await log({}, highway, other)).statusCode).toBe(404);
    expect((await get(`/api/checkpoints/${highway}/passes`, other)).statusCode).toBe(404);
  });
});

describe('the staff list of the day (HC-3)', () => {
  it('shows today’s passes with outcome tags and counts of fever, held and handed over', async () => {
    const response = await get(`/api/checkpoints/${highway}/passes?pageSize=200`, admin);
    expect(response.statusCode).toBe(200);
    const day = response.json();
    expect(day.date).toBe('2026-11-24');
    expect(day.counts).toMatchObject({ fever: 2, held: 2, medical: 2, hold: 2 });
    expect(day.counts.handedOver).toBe(
      day.items.filter((p: { handover: string | null }) => p.handover).length,
    );
    expect(day.items.length).toBe(day.counts.total);
    const fevers = await get(`/api/checkpoints/${highway}/passes?outcome=medical`, admin);
    expect(fevers.json().items.map((p: { outcome: string }) => p.outcome)).toEqual(['medical', 'medical']);
    expect(fevers.json().total).toBe(2);
    expect(response.body).not.toContain('13700137000');
  });

  it('counts the local calendar day at the checkpoint (Asia/Shanghai), not UTC', async () => {
    const yesterday = (await get(`/api/checkpoints/${highway}/passes?date=2026-11-23`, admin)).json();
    expect(yesterday.counts.total).toBe(0);
    env.setNow(new Date('2026-11-24T17:30:00Z')); // 01:30 on 11-25 in Shanghai
    admin = await signInAs(env.app, 'a_admin');
    const response = await log();
    expect(response.statusCode).toBe(201);
    expect((await get(`/api/checkpoints/${highway}/passes`, admin)).json()).toMatchObject({
      date: '2026-11-25',
      total: 1,
    });
    env.setNow(new Date('2026-11-24T02:00:00Z'));
  });
});
