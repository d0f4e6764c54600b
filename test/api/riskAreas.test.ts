import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * ZON-5, ARR-7, ARR-9: other regions' published risk areas with their history, whole-city
 * overrides, and an origin classified by the status in force when the person was there.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let community: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  community = await signInAs(env.app, 'a_community');
});
afterAll(() => env.close());

const get = (url: string, cookie = admin) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, payload: object, cookie = admin) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const classify = async (code: string, at: string) => {
  const response = await get(`/api/risk-areas/classify?code=${code}&at=${encodeURIComponent(at)}`);
  expect(response.statusCode).toBe(200);
  const body = response.json();
  return { originRisk: body.originRisk, originDistrictRisk: body.originDistrictRisk };
};

const CHAOYANG_AREA = {
  level: 'high',
  divisionCode: '110105001001',
  areaName: '北京市朝阳区某某街道某某小区',
  publishedAt: '2022-04-10T04:00:00.000Z',
  publisher: '北京市卫生健康委员会',
};

describe('ZON-5 registering published areas', () => {
  it('registers an area (201), and the same publication again changes nothing (200, same id)', async () => {
    const first = await post('/api/risk-areas', CHAOYANG_AREA);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      ...CHAOYANG_AREA,
      liftedAt: null,
      inForce: true,
      provinceName: null,
    });
    const again = await post('/api/risk-areas', CHAOYANG_AREA);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const audit = await get(`/api/audit?entityId=${first.json().id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('names an area from the divisions when its code is known, and needs a name when it is not', async () => {
    const known = await post('/api/risk-areas', {
      level: 'medium',
      divisionCode: VILLAGE_A,
      publishedAt: '2022-05-01T00:00:00Z',
      liftedAt: '2022-05-15T00:00:00Z',
      publisher: '盘锦市卫生健康委员会',
    });
    expect(known.statusCode).toBe(201);
    expect(known.json()).toMatchObject({
      areaName: '辽宁省盘锦市盘山县太平街道太平社区',
      provinceName: '辽宁省',
      cityName: '盘锦市',
      districtName: '盘山县',
    });
    const unknown = await post('/api/risk-areas', {
      ...CHAOYANG_AREA,
      areaName: null,
      divisionCode: '110105002',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toMatchObject([{ field: 'areaName', code: 'area_name_required' }]);
  });

  it('refuses malformed codes, a lift before publication, and two levels for one area at one instant', async () => {
    const code = await post('/api/risk-areas', { ...CHAOYANG_AREA, divisionCode: '1101051' });
    expect(code.statusCode).toBe(400);
    expect(code.json().errors[0].field).toBe('divisionCode');
    const lift = await post('/api/risk-areas', { ...CHAOYANG_AREA, liftedAt: '2022-04-01T00:00:00Z' });
    expect(lift.json().errors).toMatchObject([{ field: 'liftedAt', code: 'lifted_before_published' }]);
    const conflict = await post('/api/risk-areas', { ...CHAOYANG_AREA, level: 'medium' });
    expect(conflict.statusCode).toBe(400);
    expect(conflict.json().errors).toMatchObject([{ field: 'level', code: 'risk_area_conflict' }]);
  });

  it('a community worker reads the registry but cannot write it', async () => {
    expect((await get('/api/risk-areas', community)).statusCode).toBe(200);
    expect((await get('/api/risk-areas/classify?code=110105', community)).statusCode).toBe(200);
    expect((await post('/api/risk-areas', CHAOYANG_AREA, community)).statusCode).toBe(403);
    expect((await post('/api/risk-area-overrides', { divisionCode: '31' }, community)).statusCode).toBe(403);
    const list = (await get('/api/risk-areas?history=true', admin)).json();
    const id = list.items[0].id;
    expect((await post(`/api/risk-areas/${id}/lift`, {}, community)).statusCode).toBe(403);
    expect((await get('/api/risk-areas/template', community)).statusCode).toBe(403);
  });
});

describe('ARR-7 history: an arrival is classified by the status in force when the person was there', () => {
  // A community of 石景山区 (110107): high from 2022-04-10 12:00, medium from 04-15 (a level change), lifted 04-25.
  const AREA = {
    level: 'high',
    divisionCode: '110107001001',
    areaName: '石景山区某某小区',
    publishedAt: '2022-04-10T04:00:00Z',
    publisher: '北京市卫生健康委员会',
  };

  it('a level change is a new record and lifts the old level at the same instant', async () => {
    const high = (await post('/api/risk-areas', AREA)).json();
    const medium = await post('/api/risk-areas', {
      ...AREA,
      level: 'medium',
      publishedAt: '2022-04-15T04:00:00Z',
    });
    expect(medium.statusCode).toBe(201);
    const history = (await get('/api/risk-areas?history=true&code=110107')).json();
    expect(
      history.items.map((a: { level: string; liftedAt: string | null }) => [a.level, a.liftedAt]),
    ).toEqual([
      ['medium', null],
      ['high', '2022-04-15T04:00:00.000Z'],
    ]);
    const lifted = await post(`/api/risk-areas/${medium.json().id}/lift`, {
      liftedAt: '2022-04-25T04:00:00Z',
    });
    expect(lifted.json()).toMatchObject({ liftedAt: '2022-04-25T04:00:00.000Z', inForce: false });
    const audit = (await get(`/api/audit?entityId=${high.id}`)).json();
    expect(audit.items.length).toBeGreaterThan(0);
  });

  it.each([
    ['before publication: the area does not count', '2022-04-09T00:00:00Z', {}],
    ['while high', '2022-04-12T00:00:00Z', { originRisk: 'high', originDistrictRisk: 'high' }],
    [
      'after the level change',
      '2022-04-20T00:00:00Z',
      { originRisk: 'medium', originDistrictRisk: 'medium' },
    ],
    ['after the lift: it no longer counts', '2022-04-26T00:00:00Z', {}],
  ])('ARR-7 %s', async (_case, at, expected) => {
    expect(await classify('110107001001', at)).toEqual({
      originRisk: null,
      originDistrictRisk: null,
      ...expected,
    });
  });

  it('ARR-9 an origin named by its county is not raised by a finer area, its district is', async () => {
    expect(await classify('110107', '2022-04-12T00:00:00Z')).toEqual({
      originRisk: null,
      originDistrictRisk: 'high',
    });
    expect(await classify('110107001002', '2022-04-12T00:00:00Z')).toEqual({
      originRisk: null,
      originDistrictRisk: 'high',
    });
    expect(await classify('110108', '2022-04-12T00:00:00Z')).toEqual({
      originRisk: null,
      originDistrictRisk: null,
    });
  });

  it('lists what is in force now by default, and the lifted records on request', async () => {
    const now = (await get('/api/risk-areas?code=110107')).json();
    expect(now.items).toEqual([]);
    const then = (
      await get(`/api/risk-areas?code=110107&at=${encodeURIComponent('2022-04-12T00:00:00Z')}`)
    ).json();
    expect(then.items.map((a: { level: string }) => a.level)).toEqual(['high']);
    const byName = (await get(`/api/risk-areas?history=true&q=${encodeURIComponent('石景山')}`)).json();
    expect(byName.total).toBe(2);
    const high = (await get('/api/risk-areas?history=true&level=high&code=110107')).json();
    expect(high.total).toBe(1);
  });

  it('a lift is idempotent and refuses a time before publication', async () => {
    const [record] = (await get('/api/risk-areas?history=true&code=110107&level=medium')).json().items;
    const again = await post(`/api/risk-areas/${record.id}/lift`, {});
    expect(again.json().liftedAt).toBe('2022-04-25T04:00:00.000Z');
    const early = await post(`/api/risk-areas/${record.id}/lift`, { liftedAt: '2022-04-01T00:00:00Z' });
    expect(early.json().errors).toMatchObject([{ field: 'liftedAt', code: 'lifted_before_published' }]);
    expect((await post('/api/risk-areas/00000000-0000-4000-8000-000000000000/lift', {})).statusCode).toBe(
      404,
    );
  });
});

describe('ARR-9 whole-city overrides ("对上海市、吉林市、满洲里市全域参照高风险地区进行管控")', () => {
  it('treats every origin in the city as high risk while the override is in force', async () => {
    const created = await post('/api/risk-area-overrides', {
      divisionCode: '220200',
      name: '吉林市',
      validFrom: '2022-03-15T00:00:00Z',
      reason: '在疫情收尾前全域参照高风险地区进行管控',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ divisionPrefix: '2202', treatAs: 'high', validUntil: null });
    expect(await classify('220202001001', '2022-04-01T00:00:00Z')).toEqual({
      originRisk: 'high',
      originDistrictRisk: 'high',
    });
    expect(await classify('220102', '2022-04-01T00:00:00Z')).toEqual({
      originRisk: null,
      originDistrictRisk: null,
    });
    const ended = await post(`/api/risk-area-overrides/${created.json().id}/end`, {
      validUntil: '2022-05-01T00:00:00Z',
    });
    expect(ended.json()).toMatchObject({ validUntil: '2022-05-01T00:00:00.000Z' });
    expect(await classify('220202', '2022-05-02T00:00:00Z')).toEqual({
      originRisk: null,
      originDistrictRisk: null,
    });
    expect(await classify('220202', '2022-04-30T00:00:00Z')).toEqual({
      originRisk: 'high',
      originDistrictRisk: 'high',
    });
  });

  it('lists the overrides in force at a time, or all', async () => {
    const at = (
      await get(`/api/risk-area-overrides?at=${encodeURIComponent('2022-04-01T00:00:00Z')}`)
    ).json();
    expect(at.map((o: { name: string }) => o.name)).toEqual(['吉林市']);
    expect((await get('/api/risk-area-overrides')).json()).toEqual([]);
    expect((await get('/api/risk-area-overrides?all=true')).json()).toHaveLength(1);
    const again = await post('/api/risk-area-overrides', {
      divisionCode: '2202',
      name: '吉林市',
      treatAs: 'medium',
      validFrom: '2022-03-15T00:00:00Z',
      reason: '重复',
    });
    expect(again.json().errors).toMatchObject([{ field: 'treatAs', code: 'override_conflict' }]);
  });
});
