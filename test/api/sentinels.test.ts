import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/platform/access/accounts.js';
import { SIGNAL_MEASURES } from '../../src/platform/signals/feeds.js';
import type { Role } from '../../src/rules/roles.js';
import { multipartFile } from '../support/multipart.js';
import { COUNTY_A, PASSWORD, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * Sentinel feeds: MON-1 (fever-clinic visits; 000 §2.2, 003 §3.2), school absence and zero reports
 * (002 §15 晨午检、因病缺课), MON-3 (environment and goods samples; 002 §14, 004 §13) and MON-5 (ILI and
 * unexplained pneumonia; 002 §16). Now is Tuesday 2026-11-24 10:00 in 盘山县.
 */
const TOWN_A = '211122001';
let env: Awaited<ReturnType<typeof openWorldApp>>;
let cdc: string;
let clinic: string;
let school: string;
let pharmacy: string;
let chifengAdmin: string;
const sites: Record<string, string> = {};

async function addUser(username: string, role: Role, scope: string) {
  await env.db.transaction((tx) =>
    createUser(tx, undefined, {
      username,
      displayName: username,
      password: PASSWORD,
      roles: [role],
      scopes: [scope],
    }),
  );
  return signInAs(env.app, username);
}

const post = (url: string, cookie: string, payload: object) =>
  env.app.inject({ method: 'POST', url: `/api${url}`, headers: { cookie }, payload });
const get = (url: string, cookie: string) =>
  env.app.inject({ method: 'GET', url: `/api${url}`, headers: { cookie } });
const upload = (url: string, cookie: string, name: string, csv: string) => {
  const file = multipartFile('file', name, csv);
  return env.app.inject({
    method: 'POST',
    url: `/api${url}`,
    headers: { cookie, ...file.headers },
    payload: file.payload,
  });
};
const count = async (table: string) =>
  Number((await env.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);

beforeAll(async () => {
  env = await openWorldApp();
  cdc = await addUser('a_cdc', 'cdc_epidemiologist', COUNTY_A);
  clinic = await addUser('a_clinic', 'fever_clinic', COUNTY_A);
  school = await addUser('a_school', 'school_reporter', COUNTY_A);
  pharmacy = await addUser('a_pharmacy', 'pharmacy', COUNTY_A);
  chifengAdmin = await signInAs(env.app, 'b_admin');
  for (const [name, kind, enrolled] of [
    ['县人民医院发热门诊', 'fever_clinic', null],
    ['太平镇中心小学', 'school', 480],
    ['太平镇农贸市场', 'market', null],
    ['县人民医院', 'hospital', null],
  ] as const) {
    const response = await post('/sentinels/sites', cdc, { jurisdictionCode: TOWN_A, kind, name, enrolled });
    expect(response.statusCode).toBe(200);
    sites[name] = response.json().id;
  }
});
afterAll(() => env.close());

describe('sentinel sites (MON-1, MON-3)', () => {
  it('are the CDC’s to register; a clinic may not, and another county sees none of them', async () => {
    expect(
      (await post('/sentinels/sites', clinic, { jurisdictionCode: TOWN_A, kind: 'school', name: '某小学' }))
        .statusCode,
    ).toBe(403);
    const mine = (await get('/sentinels/sites', clinic)).json();
    expect(mine.map((s: { name: string }) => s.name)).toContain('太平镇农贸市场');
    // MON-3: a farmers' market sends a weekly environment sample; a school does not.
    expect(mine.find((s: { name: string }) => s.name === '太平镇农贸市场').weeklySample).toBe(true);
    expect(mine.find((s: { name: string }) => s.name === '太平镇中心小学').weeklySample).toBe(false);
    expect((await get('/sentinels/sites', chifengAdmin)).json()).toEqual([]);
    const outside = await post('/sentinels/sites', cdc, {
      jurisdictionCode: '150402001',
      kind: 'school',
      name: '外县',
    });
    expect(outside.statusCode).toBe(403);
  });
});

describe('fever-clinic visits (MON-1)', () => {
  const visit = (change: Record<string, unknown> = {}) => ({
    siteId: sites.县人民医院发热门诊,
    visitNo: 'FR-0001',
    visitedAt: '2026-11-24T01:30:00Z',
    temperature: 38.2,
    symptoms: ['fever', 'cough'],
    natSampled: true,
    disposition: 'observation',
    ...change,
  });

  it('a visit entered at triage is stored once; the same visit sent again changes nothing; a change replaces it', async () => {
    const first = await post('/sentinels/fever-visits', clinic, { rows: [visit()] });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ total: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 });
    const again = await post('/sentinels/fever-visits', clinic, { rows: [visit()] });
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const changed = await post('/sentinels/fever-visits', clinic, {
      rows: [visit({ disposition: 'admitted' })],
    });
    expect(changed.json()).toMatchObject({ created: 0, updated: 1 });
    const recent = (await get('/sentinels/fever-visits', clinic)).json();
    expect(recent).toHaveLength(1);
    expect(recent[0]).toMatchObject({
      visitNo: 'FR-0001',
      disposition: 'admitted',
      temperature: 38.2,
      siteName: '县人民医院发热门诊',
    });
  });

  it('refuses hostile and malformed rows one by one with their place and reason, and writes the others', async () => {
    const before = await count('sentinel_fever_visits');
    const response = await post('/sentinels/fever-visits', clinic, {
      rows: [
        visit({ visitNo: 'FR-0002' }),
        visit({ visitNo: 'FR-0003', temperature: 93 }),
        visit({ visitNo: '<script>alert(1)</script>' }),
        visit({ visitNo: 'FR-0004', visitedAt: '2026-12-30T01:00:00Z' }),
        visit({ visitNo: 'FR-0005', disposition: 'sent home' }),
        visit({ visitNo: 'FR-0006', siteId: sites.太平镇中心小学 }),
        visit({ visitNo: 'FR-0002' }),
        { ...visit({ visitNo: 'FR-0007' }), extra: 1 },
        visit({ visitNo: 'FR-0008', natSampled: 'maybe' }),
      ],
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ total: 9, created: 1, rejected: 8 });
    const byLine = Object.fromEntries(
      report.errors.map((e: { line: number; field: string; code: string }) => [
        e.line,
        `${e.field}:${e.code}`,
      ]),
    );
    expect(byLine).toEqual({
      2: 'temperature:range',
      3: 'visitNo:unsafe_text',
      4: 'visitedAt:in_future',
      5: 'disposition:enum',
      6: 'siteId:sentinel_site_unknown',
      7: 'visitNo:row_duplicate_in_file',
      8: 'extra:unknown_field',
      9: 'natSampled:yes_no',
    });
    // Chinese reasons name the column people see.
    expect(report.errors[0].message_zh).toContain('体温');
    expect(await count('sentinel_fever_visits')).toBe(before + 1);
  });

  it('only the feed’s reporting roles send it: a pharmacy (sentinel.report for drug sales) may not', async () => {
    const response = await post('/sentinels/fever-visits', pharmacy, {
      rows: [visit({ visitNo: 'FR-0100' })],
    });
    expect(response.statusCode).toBe(403);
  });

  it('another county cannot write into this county’s clinic (row-level scope)', async () => {
    const response = await post('/sentinels/fever-visits', chifengAdmin, {
      rows: [visit({ visitNo: 'FR-0101' })],
    });
    expect(response.json().errors[0]).toMatchObject({ field: 'siteId', code: 'sentinel_site_unknown' });
  });

  it('MON-1 reads a visit time without a zone in the time zone of the site’s jurisdiction, not the server default', async () => {
    await env.db.query("UPDATE jurisdictions SET time_zone = 'Asia/Urumqi' WHERE code = $1", [TOWN_A]);
    try {
      const response = await post('/sentinels/fever-visits', clinic, {
        rows: [visit({ visitNo: 'FR-ZONE', visitedAt: '2026-11-20 08:30' })],
      });
      expect(response.json()).toMatchObject({ created: 1, rejected: 0 });
      const [row] = await env.db.query<{ at: Date }>(
        "SELECT visited_at AS at FROM sentinel_fever_visits WHERE visit_no = 'FR-ZONE'",
      );
      // 08:30 in Urumqi (UTC+6), not 08:30 in Shanghai (00:30Z).
      expect(new Date(row!.at).toISOString()).toBe('2026-11-20T02:30:00.000Z');
    } finally {
      await env.db.query("DELETE FROM sentinel_fever_visits WHERE visit_no = 'FR-ZONE'");
      await env.db.query('UPDATE jurisdictions SET time_zone = NULL WHERE code = $1', [TOWN_A]);
    }
  });
});

describe('school daily reports and zero reports (002 §15)', () => {
  it('a sheet with Chinese headers is imported; each wrong row is reported with its line; re-import changes nothing', async () => {
    const csv = [
      '哨点名称,日期,在册人数,缺勤人数,因病缺课人数,发热人数,呼吸道症状人数',
      '太平镇中心小学,2026-11-23,480,6,3,2,1',
      '太平镇中心小学,2026-11-24,480,0,0,0,0',
      '太平镇中心小学,2026-11-22,480,5,9,0,0',
      '不存在的学校,2026-11-21,480,0,0,0,0',
      '太平镇中心小学,2026-11-20,480,abc,0,0,0',
    ].join('\n');
    const first = await upload('/sentinels/school-reports/import', school, 'school.csv', csv);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ total: 5, created: 2, rejected: 3 });
    expect(first.json().errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [4, 'absentIllness'],
      [5, 'site'],
      [6, 'absent'],
    ]);
    expect(first.json().errors[1].message_zh).toContain('哨点名称');
    const again = await upload('/sentinels/school-reports/import', school, 'school.csv', csv);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 3 });
  });

  it('a sheet without a required column is refused whole', async () => {
    const response = await upload(
      '/sentinels/school-reports/import',
      school,
      's.csv',
      '哨点名称,日期\n太平镇中心小学,2026-11-23\n',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('bad_file');
  });
});

describe('environment and goods samples (MON-3) and ILI counts (MON-5)', () => {
  it('a positive sample needs its result time; a pending one has none', async () => {
    const response = await post('/sentinels/samples', cdc, {
      rows: [
        {
          site: '太平镇农贸市场',
          sampleNo: 'HJ-1',
          kind: 'environment',
          item: '水产摊位案板',
          sampledAt: '2026-11-23 09:00',
          result: 'positive',
          resultedAt: '2026-11-23 20:00',
        },
        {
          site: '太平镇农贸市场',
          sampleNo: 'HJ-2',
          kind: '环境',
          item: '地面',
          sampledAt: '2026-11-23 09:00',
          result: '待检',
        },
        {
          site: '太平镇农贸市场',
          sampleNo: 'HJ-3',
          kind: 'goods',
          item: '进口冻品外包装',
          sampledAt: '2026-11-23 09:00',
          result: 'positive',
        },
        {
          site: '太平镇农贸市场',
          sampleNo: 'HJ-4',
          kind: 'goods',
          item: '进口冻品',
          sampledAt: '2026-11-23 09:00',
          result: 'pending',
          resultedAt: '2026-11-23 10:00',
        },
      ],
    });
    expect(response.json()).toMatchObject({ created: 2, rejected: 2 });
    // MON-4: the written rows leave a note for the triggers of their feed, in their town.
    const notes = await env.db.query<{ feed: string; jurisdiction_code: string }>(
      `SELECT feed, jurisdiction_code FROM signal_changes WHERE feed = 'environment_samples'`,
    );
    expect(notes).toEqual([{ feed: 'environment_samples', jurisdiction_code: TOWN_A }]);
    expect(response.json().errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, 'required'],
      [4, 'sentinel_result_pending'],
    ]);
  });

  it('ILI visits never exceed all visits', async () => {
    const response = await post('/sentinels/ili-reports', cdc, {
      rows: [
        {
          siteId: sites.县人民医院,
          day: '2026-11-23',
          iliVisits: 12,
          totalVisits: 300,
          pneumoniaCases: 1,
        },
        {
          siteId: sites.县人民医院,
          day: '2026-11-22',
          iliVisits: 400,
          totalVisits: 300,
          pneumoniaCases: 0,
        },
      ],
    });
    expect(response.json()).toMatchObject({ created: 1, rejected: 1 });
    expect(response.json().errors[0]).toMatchObject({ line: 2, field: 'iliVisits', code: 'range' });
  });
});

describe('the CDC’s overview: series per site, missing reports as null', () => {
  it('shows today’s zero report, yesterday’s absence, a missing day, this week’s market sample and the positive', async () => {
    const response = await get(`/sentinels/overview?jurisdiction=${COUNTY_A}&days=7`, cdc);
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view.days.at(-1)).toBe('2026-11-24');
    const schoolSeries = view.schoolAbsence.find((s: { name: string }) => s.name === '太平镇中心小学');
    // 11-24 zero report (0), 11-23 three absent for illness, 11-22 missing (its row was refused).
    expect(schoolSeries.values.slice(-3)).toEqual([null, 3, 0]);
    const market = view.samples.find((s: { name: string }) => s.name === '太平镇农贸市场');
    expect(view.weeks.at(-1)).toBe('2026-11-23');
    expect(market.values.at(-1)).toBe(2);
    expect(market.values.at(-2)).toBeNull();
    expect(view.positives.map((p: { item: string }) => p.item)).toEqual(['水产摊位案板']);
    const ili = view.iliShare.find((s: { name: string }) => s.name === '县人民医院');
    expect(ili.values.at(-2)).toBe(4);
    expect((await get(`/sentinels/overview?jurisdiction=${COUNTY_A}`, clinic)).statusCode).toBe(403);
    expect((await get(`/sentinels/overview?jurisdiction=${COUNTY_A}`, chifengAdmin)).statusCode).toBe(403);
  });
});

describe('the situation dashboard’s sentinel tile (MON-1, MON-3, MON-5)', () => {
  it('counts today’s fever visits, schools without today’s report, this week’s positives and yesterday’s ILI share', async () => {
    const response = await get(`/dashboard?jurisdiction=${COUNTY_A}`, cdc);
    expect(response.statusCode).toBe(200);
    const tile = response.json().tiles.find((t: { id: string }) => t.id === 'sentinels.feeds');
    const figures = Object.fromEntries(
      tile.body.figures.map((f: { key: string; value: number }) => [f.key, f.value]),
    );
    // The school sent today's zero report; the market's positive was resulted on Monday of this week.
    expect(figures).toEqual({
      feverToday: 2,
      feverBaseline: 0,
      schoolsMissing: 0,
      positivesWeek: 1,
      iliShare: 4,
    });
    expect(tile.body.figures[0].drill).toBe(`/sentinels/data?jurisdiction=${COUNTY_A}`);
  });
});

describe('signals for the multi-point triggers (MON-4)', () => {
  const series = async (feed: string, measure: string, length: number) => {
    const signal = SIGNAL_MEASURES.find((m) => m.feed === feed && m.measure === measure);
    expect(signal).toBeDefined();
    return env.db.query<{ jurisdiction_code: string; site_id: string | null; day: string; value: string }>(
      `SELECT jurisdiction_code, site_id, to_char(day, 'YYYY-MM-DD') AS day, value::text FROM (${signal!.dailySql}) s ORDER BY 1, 2, 3`,
      ['2026-11-17', '2026-11-24', length, 'Asia/Shanghai', COUNTY_A],
    );
  };

  it('count fever visits per town and local day, positives per town, absence per school, ILI and pneumonia per county', async () => {
    expect(await series('fever_visits', 'visits', 9)).toEqual([
      { jurisdiction_code: TOWN_A, site_id: null, day: '2026-11-24', value: '2' },
    ]);
    expect(await series('environment_samples', 'positives', 9)).toEqual([
      { jurisdiction_code: TOWN_A, site_id: null, day: '2026-11-23', value: '1' },
    ]);
    expect(await series('school_absence', 'absent_ill', 0)).toEqual([
      { jurisdiction_code: TOWN_A, site_id: sites.太平镇中心小学, day: '2026-11-23', value: '3' },
      { jurisdiction_code: TOWN_A, site_id: sites.太平镇中心小学, day: '2026-11-24', value: '0' },
    ]);
    expect(await series('ili', 'ili_visits', 6)).toEqual([
      { jurisdiction_code: COUNTY_A, site_id: null, day: '2026-11-23', value: '12' },
    ]);
    expect(await series('ili', 'ili_share_permille', 6)).toEqual([
      { jurisdiction_code: COUNTY_A, site_id: null, day: '2026-11-23', value: '40' },
    ]);
    expect(await series('pneumonia', 'cases', 6)).toEqual([
      { jurisdiction_code: COUNTY_A, site_id: null, day: '2026-11-23', value: '1' },
    ]);
    // Another county's root sees none of it.
    const signal = SIGNAL_MEASURES.find((m) => m.feed === 'fever_visits')!;
    expect(
      await env.db.query(signal.dailySql, ['2026-11-17', '2026-11-24', 9, 'Asia/Shanghai', '150402']),
    ).toEqual([]);
  });
});
