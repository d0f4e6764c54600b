import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCampaignSamples, insertPersons } from '../support/campaignSamples.js';
import { COUNTY_A, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * TST-6 … TST-9: the planner on the registry, campaign CRUD, live progress per jurisdiction down
 * to grids, the not-yet-sampled list and its .xlsx export, all within the caller's subtree.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let adminB: string;
let campaignId: string;

const TOWN_A = '211122001';
const GRID_A = `${VILLAGE_A}001`;
const VILLAGE_A2 = '211122001002';

const get = (url: string, cookie = admin) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const send = (method: 'POST' | 'PATCH', url: string, payload: object, cookie = admin) =>
  env.app.inject({ method, url, headers: { cookie }, payload });
const personIds = (code: string) =>
  env.db
    .query<{ id: string }>('SELECT id FROM persons WHERE jurisdiction_code = $1 ORDER BY name', [code])
    .then((rows) => rows.map((r) => r.id));
const countUnder = async (code: string) =>
  (
    await env.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM persons WHERE jurisdiction_code ^@ $1',
      [code],
    )
  )[0]!.n;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  adminB = await signInAs(env.app, 'b_admin');
  campaignId = env.world.testingA.campaignId;
  await env.db.query(
    `INSERT INTO jurisdictions (code, parent_code, name, level) VALUES ($1, $2, '第一网格', 'grid')`,
    [GRID_A, VILLAGE_A],
  );
  await insertPersons(env.db, GRID_A, 30, '网格甲');
  await insertPersons(env.db, VILLAGE_A2, 20, '西五');
  const grid = await personIds(GRID_A);
  const base = {
    campaignId,
    siteJurisdiction: COUNTY_A,
    poolSize: 10,
    sampledAt: new Date('2026-11-24T01:00:00Z'),
  };
  // 10 negative, 10 awaiting results in the grid; 5 positive in the second community.
  await insertCampaignSamples(env.db, {
    ...base,
    persons: { ids: grid.slice(0, 10) },
    barcodePrefix: 'CPN',
    result: 'negative',
    secondsApart: 60,
  });
  await insertCampaignSamples(env.db, {
    ...base,
    persons: { ids: grid.slice(10, 20) },
    barcodePrefix: 'CPP',
    sampledAt: new Date('2026-11-24T03:10:00Z'),
  });
  await insertCampaignSamples(env.db, {
    ...base,
    persons: { ids: (await personIds(VILLAGE_A2)).slice(0, 5) },
    barcodePrefix: 'CPX',
    result: 'positive',
  });
});
afterAll(() => env.close());

describe('TST-8/TST-9 the plan on the registry', () => {
  it('counts the persons and labs of the subtree and applies the ratios', async () => {
    const response = await get(`/api/campaigns/plan?jurisdictionCode=${COUNTY_A}&poolSize=10`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const population = await countUnder(COUNTY_A);
    expect(population).toBeGreaterThan(50);
    expect(body).toMatchObject({
      jurisdictionCode: COUNTY_A,
      level: 'county',
      population,
      poolSize: 10,
      labs: 1,
    });
    expect(body.plan.deadline).toMatchObject({ targetHours: 24, limitHours: 24 });
    expect(body.plan.sites).toMatchObject({
      min: 1,
      max: 1,
      citation: { ruleId: 'TST-8', source: '004 §20' },
    });
    expect(body.plan.tubes).toBe(Math.ceil(population / 10));
    expect(body.plan.lab).toMatchObject({
      instrumentsAvailable: 4,
      capacityTubesPerHour: 360,
      instrumentsNeeded: 1,
      // TST-9 in people too: a 10合1 tube tests ten.
      capacityPersonsPerHour: 3600,
      personsPerHour: Math.ceil(population / 18),
    });
    expect(body.plan.reagents).toMatchObject({
      poolSize: 10,
      testsPerRound: body.plan.tubes,
      personTestsPerRound: body.plan.tubes * 10,
      totalNeededPersonTests: body.plan.reagents.totalNeeded * 10,
      physicalStockPersonTests: body.plan.reagents.physicalStock * 10,
    });
    expect(body.plan.ringOrder.stages).toHaveLength(6);
  });

  it('a community is planned like a county (24 h), with no lab of its own', async () => {
    const body = (await get(`/api/campaigns/plan?jurisdictionCode=${VILLAGE_A2}&poolSize=5`)).json();
    expect(body).toMatchObject({ level: 'county', population: 20, labs: 0 });
    expect(body.plan).toMatchObject({
      tubes: 4,
      shortfalls: ['no_lab_capacity', 'reagent_physical', 'reagent_total'],
    });
  });

  it('refuses another county (403) and an unknown code (400)', async () => {
    expect((await get(`/api/campaigns/plan?jurisdictionCode=${COUNTY_A}`, adminB)).statusCode).toBe(403);
    const unknown = await get(`/api/campaigns/plan?jurisdictionCode=211122999`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({
      field: 'jurisdictionCode',
      code: 'jurisdiction_unknown',
    });
  });
});

describe('TST-6 campaigns', () => {
  it('creates a campaign due at the planner’s 24 h by default, audited', async () => {
    const response = await send('POST', '/api/campaigns', {
      jurisdictionCode: TOWN_A,
      name: '太平街道全员核酸',
      poolSize: 10,
      startsAt: '2026-11-24T00:00:00Z',
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      jurisdictionCode: TOWN_A,
      status: 'active',
      dueAt: '2026-11-25T00:00:00.000Z',
    });
    const audit = (await get(`/api/audit?entityId=${created.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    const list = (await get(`/api/campaigns?jurisdiction=${TOWN_A}`)).json();
    expect(list.map((c: { id: string }) => c.id)).toEqual([created.id]);
    expect((await get('/api/campaigns', adminB)).json().map((c: { id: string }) => c.id)).not.toContain(
      created.id,
    );
  });

  it('refuses a due time before the start, and another county', async () => {
    const body = {
      jurisdictionCode: COUNTY_A,
      name: '第二轮',
      poolSize: 10,
      startsAt: '2026-11-24T00:00:00Z',
    };
    const early = await send('POST', '/api/campaigns', { ...body, dueAt: '2026-11-23T00:00:00Z' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'dueAt', code: 'ends_before_start' });
    expect((await send('POST', '/api/campaigns', body, adminB)).statusCode).toBe(403);
  });

  it('moves planned → active → closed and never back', async () => {
    const created = (
      await send('POST', '/api/campaigns', {
        jurisdictionCode: COUNTY_A,
        name: '预案',
        poolSize: 5,
        startsAt: '2026-11-26T00:00:00Z',
        status: 'planned',
      })
    ).json();
    const url = `/api/campaigns/${created.id}`;
    expect((await send('PATCH', url, { status: 'active' })).json().status).toBe('active');
    expect((await send('PATCH', url, { status: 'active' })).statusCode).toBe(200);
    expect((await send('PATCH', url, { status: 'closed' })).json().status).toBe('closed');
    const back = await send('PATCH', url, { status: 'active' });
    expect(back.statusCode).toBe(409);
    expect(back.json().errors[0]).toMatchObject({ field: 'status', code: 'wrong_state' });
    expect((await send('PATCH', url, { status: 'closed' }, adminB)).statusCode).toBe(404);
    const audit = (await get(`/api/audit?entityId=${created.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'create',
      'update',
      'update',
    ]);
  });
});

describe('TST-6 progress per jurisdiction', () => {
  it('counts sampled, resulted and positives per town, with totals and samples per hour', async () => {
    const response = await get(`/api/campaigns/${campaignId}/progress`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const population = await countUnder(COUNTY_A);
    expect(body.parent).toMatchObject({ code: COUNTY_A, level: 'county' });
    expect(body.totals).toMatchObject({ persons: population, sampled: 25, resulted: 15, positives: 5 });
    expect(body.totals.sampledPct).toBe(Math.round((25 / population) * 1000) / 10);
    const town = body.rows.find((r: { code: string }) => r.code === TOWN_A);
    expect(town).toMatchObject({
      persons: await countUnder(TOWN_A),
      sampled: 25,
      resulted: 15,
      hasChildren: true,
    });
    expect(body.rows).toHaveLength(14);
    // 25 samples: 10 a minute apart from 01:00, 10 at 03:10, 5 at 01:00.
    expect(body.hourly).toEqual([
      { hour: '2026-11-24T01:00:00Z', samples: 15 },
      { hour: '2026-11-24T03:00:00Z', samples: 10 },
    ]);
  });

  it('drills down to the grids of a community, with the people not in any grid on their own row', async () => {
    const body = (await get(`/api/campaigns/${campaignId}/progress?parent=${VILLAGE_A}`)).json();
    expect(body.rows[0]).toMatchObject({
      code: GRID_A,
      level: 'grid',
      direct: false,
      persons: 30,
      sampled: 20,
      resulted: 10,
      positives: 0,
      sampledPct: 66.7,
      resultedPct: 33.3,
    });
    const direct = body.rows.find((r: { direct: boolean }) => r.direct);
    expect(direct).toMatchObject({ code: VILLAGE_A, sampled: 0 });
    expect(direct.persons).toBe((await countUnder(VILLAGE_A)) - 30);
    const second = (await get(`/api/campaigns/${campaignId}/progress?parent=${VILLAGE_A2}`)).json();
    expect(second.totals).toMatchObject({
      persons: 20,
      sampled: 5,
      resulted: 5,
      positives: 5,
      sampledPct: 25,
    });
  });

  it('refuses a parent outside the campaign, and another county’s caller', async () => {
    expect((await get(`/api/campaigns/${campaignId}/progress?parent=150402`)).statusCode).toBe(400);
    expect((await get(`/api/campaigns/${campaignId}/progress`, adminB)).statusCode).toBe(404);
  });
});

describe('TST-6 people not yet sampled', () => {
  it('lists the grid’s 10 unsampled people, masked, page by page', async () => {
    const first = (
      await get(`/api/campaigns/${campaignId}/missing?jurisdiction=${GRID_A}&pageSize=4`)
    ).json();
    expect(first).toMatchObject({ total: 10, page: 1, pageSize: 4 });
    expect(first.items.map((p: { name: string }) => p.name)).toEqual([
      '网格甲0000021',
      '网格甲0000022',
      '网格甲0000023',
      '网格甲0000024',
    ]);
    expect(first.items[0].idNumberMasked).toMatch(/\*{8}/);
    const last = (
      await get(`/api/campaigns/${campaignId}/missing?jurisdiction=${GRID_A}&pageSize=4&page=3`)
    ).json();
    expect(last.items).toHaveLength(2);
    expect(
      (await get(`/api/campaigns/${campaignId}/missing?jurisdiction=${GRID_A}`, adminB)).statusCode,
    ).toBe(404);
  });

  it('exports a community’s list as .xlsx readable by exceljs, audited', async () => {
    const response = await get(`/api/campaigns/${campaignId}/missing.xlsx?jurisdiction=${GRID_A}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(`missing-${GRID_A}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toBe('姓名');
    expect(sheet.rowCount).toBe(11);
    expect(sheet.getRow(2).getCell(1).text).toBe('网格甲0000021');
    expect(sheet.getRow(2).getCell(2).text).toMatch(/\*{8}/);
    const audit = (await get(`/api/audit?entityId=${campaignId}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'export', entity: 'campaign' });
    expect(audit.items[0].detail).toMatchObject({ rows: 10, complete: true, jurisdiction: GRID_A });
  });
});
