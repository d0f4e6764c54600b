import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyStaged, importPushList } from '../../src/modules/pushLists/index.js';
import { withScope } from '../../src/platform/access/scope.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { COUNTY_A, PERSON_A, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';
import {
  csvText,
  gb18030,
  multipart,
  readWorkbook,
  residentId,
  withWrongCheckDigit,
  xlsxBuffer,
} from './ledgerFiles.js';

/**
 * Big-data push lists (大数据推送, 004 §3 “大数据排查”; ARR-7, ARR-15): every accepted row becomes an
 * arrival with its plan, every rejected row is reported with line, field and reason in zh and en,
 * a re-import changes nothing, and destinations outside the importer's jurisdiction are refused.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
const cookies: Record<string, string> = {};
const OTHER_VILLAGE_A = '211122001002';

beforeAll(async () => {
  env = await openWorldApp();
  for (const user of ['a_admin', 'a_community', 'b_admin']) cookies[user] = await signInAs(env.app, user);
  await env.db.query(
    `INSERT INTO risk_areas (id, level, division_code, area_name, published_at, publisher) VALUES
       (gen_random_uuid(), 'high', '110105001', '朝阳区建外街道', '2026-11-20T00:00:00Z', '北京市'),
       (gen_random_uuid(), 'medium', '310101', '上海市黄浦区', '2026-11-20T00:00:00Z', '上海市')`,
  );
});
afterAll(() => env.close());

function upload(user: string, fileName: string, content: Buffer | string, query = '') {
  const body = multipart(fileName, content);
  return env.app.inject({
    method: 'POST',
    url: `/api/push-lists${query}`,
    headers: { ...body.headers, cookie: cookies[user]! },
    payload: body.payload,
  });
}
const get = (user: string, url: string) =>
  env.app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });

/** Arrivals, persons, plans and deadlines as stored: equal digests mean nothing changed. */
async function registryDigest(): Promise<string> {
  const parts: string[] = [];
  for (const table of ['arrivals', 'persons', 'arrival_plans', 'deadlines']) {
    const [row] = await env.db.query<{ d: string }>(
      `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM ${table} t`,
    );
    parts.push(`${table}=${row!.d}`);
  }
  return parts.join(' ');
}

const HEADER = [
  '姓名',
  '身份证号',
  '手机号',
  '来源地区代码',
  '来源地区',
  '离开来源地时间',
  '抵达时间',
  '目的地区划代码',
  '境外(是/否)',
  '入境时间',
  '来源国家',
];
const id = (n: number) => residentId(500 + n);
const ROWS: string[][] = [
  [
    '高风险',
    id(1),
    '13600136001',
    '110105001',
    '北京市朝阳区',
    '2026-11-22 18:00',
    '2026-11-23 08:30',
    VILLAGE_A,
    '否',
    '',
    '',
  ],
  ['中风险', id(2), '', '310101', '上海市黄浦区', '', '2026/11/23 9:05', VILLAGE_A, '否', '', ''],
  ['低风险', id(3), '', '211103', '', '', '2026年11月23日 10时00分', OTHER_VILLAGE_A, '', '', ''],
  ['境外', id(4), '', '', '', '', '2026-11-23T02:00:00Z', VILLAGE_A, '是', '2026-11-08 10:00', '日本'],
  ['错校验', withWrongCheckDigit(id(5)), '', '211103', '', '', '2026-11-23 10:00', VILLAGE_A, '否', '', ''],
  ['错时间', id(6), '', '211103', '', '', '昨天', VILLAGE_A, '否', '', ''],
  ['外县', id(7), '', '211103', '', '', '2026-11-23 10:00', '150402001001', '否', '', ''],
  ['高风险', id(1), '', '110105001', '', '', '2026-11-23 08:30', VILLAGE_A, '否', '', ''],
  ['无来源', id(9), '', '', '某地', '', '2026-11-23 10:00', VILLAGE_A, '否', '', ''],
  ['未来', id(10), '', '211103', '', '', '2026-12-30 10:00', VILLAGE_A, '否', '', ''],
  ['境外?', id(11), '', '211103', '', '', '2026-11-23 10:00', VILLAGE_A, '也许', '', ''],
  ['无此村', id(12), '', '211103', '', '', '2026-11-23 10:00', '211122999999', '否', '', ''],
  ['离开晚', id(13), '13', '211103', '', '2026-11-23 12:00', '2026-11-23 10:00', VILLAGE_A, '否', '', ''],
];
const FILE = csvText([HEADER, ...ROWS]);
let firstImport: string;

describe('push-list import (大数据推送)', () => {
  it('registers every accepted row and reports every rejected one with line, field and zh/en reason', async () => {
    const persons = (await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons'))[0]!.n;
    const response = await upload('a_admin', '推送名单.csv', FILE);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    firstImport = report.id;
    expect(report).toMatchObject({ status: 'done', total: 13, registered: 4, unchanged: 0, rejected: 9 });
    const byLine = report.errors.map(
      (e: { line: number; field: string; code: string }) => `${e.line}:${e.field}:${e.code}`,
    );
    expect(byLine).toEqual([
      '6:idNumber:id_checksum',
      '7:arrivedAt:datetime_format',
      '8:destinationCode:jurisdiction_out_of_scope',
      '9:idNumber:row_duplicate_in_file',
      '10:originCode:origin_code_required',
      '11:arrivedAt:in_future',
      '12:overseas:yes_no',
      '13:destinationCode:jurisdiction_unknown',
      '14:phone:phone_format',
      '14:leftOriginAt:after_arrival',
    ]);
    const checksum = report.errors.find((e: { line: number }) => e.line === 6);
    expect(checksum.message_zh).toBe('身份证号校验位错误（GB 11643）');
    expect(checksum.message).toBe('idNumber has a wrong check digit (GB 11643)');
    expect(report.levels).toMatchObject({ total: 4, high: 1, medium: 1, unclassified: 1, overseas: 1 });
    expect((await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons'))[0]!.n).toBe(
      persons + 4,
    );
  });

  it('ARR-7 the high-risk row is planned by the governing pack, its deadlines on the community’s list', async () => {
    const rows = await env.db.query<{
      origin_risk: string | null;
      rule_id: string | null;
      jurisdiction_code: string;
    }>(
      `SELECT a.origin_risk, p.rule_id, a.jurisdiction_code FROM arrivals a
       LEFT JOIN arrival_plans p ON p.arrival_id = a.id AND p.status = 'active'
       WHERE a.channel = 'push_list' ORDER BY a.arrived_at`,
    );
    expect(rows).toContainEqual({ origin_risk: 'high', rule_id: 'ARR-5', jurisdiction_code: VILLAGE_A });
    const deadlines = await env.db.query<{ jurisdiction_code: string }>(
      `SELECT d.jurisdiction_code FROM deadlines d JOIN arrivals a ON a.id = d.subject_id
       WHERE a.channel = 'push_list' AND a.origin_risk = 'high'`,
    );
    expect(deadlines.length).toBeGreaterThan(0);
    expect(new Set(deadlines.map((d) => d.jurisdiction_code))).toEqual(new Set([VILLAGE_A]));
  });

  it('a re-import changes nothing (csv in GB18030 as Excel saves it, too)', async () => {
    const before = await registryDigest();
    const again = (await upload('a_admin', 'again.csv', FILE)).json();
    expect(again).toMatchObject({ registered: 0, unchanged: 4, rejected: 9 });
    const gb = (await upload('a_admin', 'gb.csv', gb18030(FILE))).json();
    expect(gb).toMatchObject({ registered: 0, unchanged: 4, rejected: 9 });
    expect(await registryDigest()).toBe(before);
  });

  it('reads .xlsx with date-time cells; an ID number already registered is the same person', async () => {
    const persons = (await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons'))[0]!.n;
    const book = await xlsxBuffer([
      HEADER,
      [
        '欧阳明远',
        PERSON_A.idNumber,
        '',
        '110105001',
        '',
        new Date(Date.UTC(2026, 10, 22, 20, 0)),
        new Date(Date.UTC(2026, 10, 23, 7, 45)),
        VILLAGE_A,
        '否',
        '',
        '',
      ],
      [
        '新人',
        withCheckDigit('21112219990909001'),
        '',
        '310101',
        '',
        '',
        new Date(Date.UTC(2026, 10, 23, 9, 0)),
        VILLAGE_A,
        '否',
        '',
        '',
      ],
    ]);
    const report = (await upload('a_admin', 'list.xlsx', book)).json();
    expect(report).toMatchObject({ total: 2, registered: 2, rejected: 0 });
    expect((await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons'))[0]!.n).toBe(
      persons + 1,
    );
    // The cell's wall-clock 07:45 is Beijing time: 23:45 UTC the day before.
    const [arrival] = await env.db.query<{ at: string }>(
      `SELECT to_char(arrived_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS at FROM arrivals a
       WHERE a.person_id = $1 AND a.channel = 'push_list'`,
      [env.world.personA.id],
    );
    expect(arrival!.at).toBe('2026-11-22 23:45');
  });

  it('shows the import, its counts by level and its rejected rows; the report downloads as .xlsx and .csv', async () => {
    const detail = (await get('a_admin', `/api/push-lists/${firstImport}`)).json();
    expect(detail).toMatchObject({
      id: firstImport,
      status: 'done',
      mode: 'register',
      rejected: 9,
      fileName: '推送名单.csv',
    });
    expect(detail.levels.high).toBe(1);
    const xlsx = await get('a_admin', `/api/push-lists/${firstImport}/errors`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = (await readWorkbook(xlsx.rawPayload)).get('错误报告')!;
    expect(sheet.slice(1).map((row) => `${row[0]}:${row[1]}`)).toContain('6:身份证号');
    expect(sheet.length).toBe(11);
    const csv = await get('a_admin', `/api/push-lists/${firstImport}/errors?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF行号 Line')).toBe(true);
    expect(csv.body).toContain('8,目的地区划代码,destinationCode,jurisdiction_out_of_scope');
    const list = (await get('a_admin', `/api/push-lists?jurisdiction=${COUNTY_A}`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(firstImport);
    const template = await get('a_admin', '/api/push-lists/template');
    expect((await readWorkbook(template.rawPayload)).get('大数据推送名单')![0]!.slice(0, 3)).toEqual([
      '姓名',
      '身份证号',
      '手机号',
    ]);
  });

  it('a client-given id can be polled, and sending the import again returns it without reading the file', async () => {
    const importId = '7e7e7e7e-0000-4000-8000-000000000001';
    const list = csvText([
      HEADER,
      ['轮询', id(20), '', '110105001', '', '', '2026-11-23 11:00', VILLAGE_A, '否', '', ''],
    ]);
    const first = (await upload('a_admin', 'poll.csv', list, `?id=${importId}`)).json();
    expect(first).toMatchObject({ id: importId, registered: 1 });
    const again = await upload('a_admin', 'poll.csv', 'not even a list', `?id=${importId}`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: importId, registered: 1, status: 'done' });
  });

  it('CMD-1 destinations outside the importer’s jurisdiction are refused row by row; other counties see nothing', async () => {
    const list = csvText([
      HEADER,
      ['本村', id(30), '', '211103', '', '', '2026-11-23 10:00', VILLAGE_A, '否', '', ''],
      ['邻村', id(31), '', '211103', '', '', '2026-11-23 10:00', OTHER_VILLAGE_A, '否', '', ''],
    ]);
    const report = (await upload('a_community', 'village.csv', list)).json();
    expect(report).toMatchObject({ registered: 1, rejected: 1 });
    expect(report.errors[0]).toMatchObject({
      line: 3,
      field: 'destinationCode',
      code: 'jurisdiction_out_of_scope',
    });
    expect((await get('b_admin', `/api/push-lists/${firstImport}`)).statusCode).toBe(404);
    expect((await get('b_admin', `/api/push-lists/${firstImport}/errors`)).statusCode).toBe(404);
    expect((await upload('b_admin', 'x.csv', list, `?jurisdiction=${COUNTY_A}`)).statusCode).toBe(403);
  });

  it('refuses unreadable and hostile files with a 4xx, writing nothing', async () => {
    const count = async () =>
      (await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM push_imports'))[0]!.n;
    const before = await count();
    const cases: Array<[string, Buffer | string, number]> = [
      [
        'no-id-column.csv',
        csvText([
          ['姓名', '抵达时间', '目的地区划代码'],
          ['甲', '2026-11-23', VILLAGE_A],
        ]),
        400,
      ],
      ['empty.csv', '', 400],
      ['list.txt', FILE, 415],
      ['broken.xlsx', Buffer.from('PK\u0003\u0004 not a zip at all'), 400],
      ['binary.csv', Buffer.from([0, 1, 2, 3, 0, 255]), 400],
    ];
    for (const [name, content, status] of cases) {
      const response = await upload('a_admin', name, content);
      expect({ name, status: response.statusCode }).toEqual({ name, status });
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const missing = (
      await upload('a_admin', 'no-id-column.csv', csvText([['姓名', '抵达时间', '目的地区划代码']]))
    ).json();
    expect(missing.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: '身份证号', code: 'header_missing' })]),
    );
    const noFile = await env.app.inject({
      method: 'POST',
      url: '/api/push-lists',
      headers: { cookie: cookies.a_admin!, 'content-type': 'multipart/form-data' },
      payload: 'garbage',
    });
    expect(noFile.statusCode).toBeGreaterThanOrEqual(400);
    expect(noFile.statusCode).toBeLessThan(500);
    expect((await upload('a_admin', 'x.csv', FILE, '?mode=everything')).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('an upload broken after its header is recorded as failed; batches committed before the break stay', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      csvText([
        [
          `断前${i}`,
          residentId(10_000 + i),
          '',
          '211103',
          '',
          '',
          '2026-11-23 10:00',
          VILLAGE_A,
          '否',
          '',
          '',
        ],
      ]),
    );
    // One row per chunk, then the connection drops: back-pressure lets the end arrive only after
    // most rows were read, so committed batches precede the failure.
    async function* upload() {
      yield csvText([HEADER]);
      yield* rows;
      throw new Error('connection reset');
    }
    const importId = '7e7e7e7e-0000-4000-8000-0000000000ff';
    await expect(
      importPushList(env.ctx, env.world.users.a_admin!, Readable.from(upload()), 'csv', {
        id: importId,
        mode: 'classify',
        batchSize: 100,
      }),
    ).rejects.toThrow('connection reset');
    const detail = (await get('a_admin', `/api/push-lists/${importId}`)).json();
    expect(detail.status).toBe('failed');
    // How far the reader got before the break depends on stream buffering (it differs between Node
    // versions): what matters is that whole batches were committed and kept.
    expect(detail.total).toBeGreaterThanOrEqual(100);
    expect(detail.total % 100).toBe(0);
    expect(detail.levels.total).toBe(detail.total);
  });
});

describe('set-based classification (the scale path)', () => {
  it('mode=classify stages rows by COPY and counts them by level, registering nobody', async () => {
    const before = await registryDigest();
    const rows = Array.from({ length: 60 }, (_, i) => [
      `人${i}`,
      residentId(2000 + i),
      '',
      ['110105001', '310101', '211103', '110105002'][i % 4]!,
      '',
      '',
      '2026-11-23 12:00',
      VILLAGE_A,
      '否',
      '',
      '',
    ]);
    const report = (await upload('a_admin', 'big.csv', csvText([HEADER, ...rows]), '?mode=classify')).json();
    expect(report).toMatchObject({ mode: 'classify', total: 60, registered: 0, rejected: 0 });
    expect(report.levels).toMatchObject({
      total: 60,
      high: 15,
      medium: 15,
      unclassified: 30,
      districtHigh: 15,
    });
    expect(await registryDigest()).toBe(before);
    const again = await withScope(env.db, env.world.users.a_admin!, (tx) => classifyStaged(tx, report.id));
    expect(again).toEqual(report.levels);
  });
});
