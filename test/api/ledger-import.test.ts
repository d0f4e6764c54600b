import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPersonsFromFile } from '../../src/cli/importPersons.js';
import { createUser } from '../../src/platform/access/accounts.js';
import type { AppContext } from '../../src/platform/context.js';
import type { Database } from '../../src/platform/db/types.js';
import { buildApp } from '../../src/platform/http/app.js';
import { idHash } from '../../src/platform/pii/seal.js';
import { maskIdNumber } from '../../src/rules/mask.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { COUNTY_A, PASSWORD, PERSON_A, seedWorld, signInAs, VILLAGE_A } from '../support/world.js';
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
 * Ledger (台账) import and export: every rejected row reported with line, field and reason, accepted
 * rows committed, re-import changes nothing, and scope (CMD-1) applies to every row.
 */
let db: Database;
let drop: () => Promise<void>;
let ctx: AppContext;
let app: FastifyInstance;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  ctx = testContext(db).ctx;
  await seedWorld(ctx);
  ({ app } = await buildApp(ctx));
  for (const user of ['a_admin', 'a_community', 'b_admin']) cookies[user] = await signInAs(app, user);
});
afterAll(async () => {
  await app?.close();
  await drop?.();
});

function upload(user: string, fileName: string, content: Buffer | string, field = 'file') {
  const body = multipart(fileName, content, field);
  return app.inject({
    method: 'POST',
    url: '/api/persons/import',
    headers: { ...body.headers, cookie: cookies[user]! },
    payload: body.payload,
  });
}

const get = (user: string, url: string) =>
  app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });

/** A digest of every person's stored columns except the timestamps. */
async function personsChecksum(): Promise<{ n: number; digest: string }> {
  const [row] = await db.query<{ n: number; digest: string }>(
    `SELECT count(*)::int AS n, md5(coalesce(string_agg(
       (id, jurisdiction_code, name, id_type, id_cipher, id_hash, id_masked, phone_cipher, phone_hash, phone_masked,
        sex, birth_date, address, employer, household_code, key_groups, version)::text, '|' ORDER BY id), '')) AS digest
     FROM persons`,
  );
  return row!;
}

const GRID_UNKNOWN = `${VILLAGE_A}999`;
const VILLAGE_OTHER = '211122001002';
const ids = {
  good: residentId(1),
  passport: 'E12345678',
  badCheck: withWrongCheckDigit(residentId(2)),
  impossibleBirth: '211122198002300012',
  unknownPlace: residentId(3),
  outOfScope: residentId(4),
  badGroup: residentId(5),
  script: residentId(6),
  noName: residentId(7),
  badPhone: residentId(8),
  badDate: 'P7654321',
};

/** Header in its own order, with an unknown column (备注) that is ignored. */
const HEADER = [
  '证件号码',
  '姓名',
  '备注',
  '现住址区划代码',
  '联系电话',
  '性别',
  '证件类型',
  '出生日期',
  '重点人群',
];
const CSV_ROWS = [
  HEADER,
  [ids.good, '王五', '', VILLAGE_A, '13700137000', '', '', '', '快递外卖从业人员、交通运输从业人员'], // 2
  [ids.badCheck, '赵六', '', VILLAGE_A, '', '', '', '', ''], // 3
  [ids.impossibleBirth, '钱七', '', VILLAGE_A, '', '', '', '', ''], // 4
  [ids.unknownPlace, '孙八', '', GRID_UNKNOWN, '', '', '', '', ''], // 5
  [ids.outOfScope, '周九', '', VILLAGE_OTHER, '', '', '', '', ''], // 6
  [ids.good, '王五', '', VILLAGE_A, '', '', '', '', ''], // 7
  [ids.badGroup, '吴十', '', VILLAGE_A, '', '', '', '', '快递外卖从业人员,外星来客'], // 8
  [ids.script, '<script>alert(1)</script>', '', VILLAGE_A, '', '', '', '', ''], // 9
  [ids.noName, '', '', VILLAGE_A, '', '', '', '', ''], // 10
  [ids.passport, 'Anna Müller', 'x', VILLAGE_A, '', '女', '护照', '1985/3/9', ''], // 11
  [PERSON_A.idNumber, PERSON_A.name, '', VILLAGE_A, '', '', '', '', ''], // 12
  [], // 13: blank, skipped
  [ids.badPhone, '郑一', '', VILLAGE_A, '12345', '未知', '', '', ''], // 14
  [ids.badDate, 'Ivan', '', VILLAGE_A, '', '', '护照', '1990-02-30', ''], // 15
];
const CSV_EXPECTED_ERRORS = [
  [3, 'idNumber', 'id_checksum'],
  [4, 'idNumber', 'id_birth_date'],
  [5, 'jurisdictionCode', 'jurisdiction_unknown'],
  [6, 'jurisdictionCode', 'jurisdiction_out_of_scope'],
  [7, 'idNumber', 'id_duplicate_in_file'],
  [8, 'keyGroups', 'key_group_unknown'],
  [9, 'name', 'unsafe_text'],
  [10, 'name', 'required'],
  [14, 'phone', 'phone_format'],
  [14, 'sex', 'enum'],
  [14, 'sex', 'sex_mismatch'],
  [15, 'birthDate', 'format'],
];
const triples = (errors: Array<{ line: number; field: string; code: string }>) =>
  errors.map((e) => [e.line, e.field, e.code]);

describe('ledger import (CMD-1 scope per row)', () => {
  let jobId: string;

  it('reports every rejected csv row with its line, field and code, and commits the rest', async () => {
    const response = await upload('a_community', '太平社区台账.csv', csvText(CSV_ROWS));
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(triples(report.errors)).toEqual(CSV_EXPECTED_ERRORS);
    expect(report).toMatchObject({ total: 13, created: 2, unchanged: 1, rejected: 10 });
    expect(report.errors[0]).toMatchObject({
      message: 'idNumber has a wrong check digit (GB 11643)',
      message_zh: '证件号码校验位错误（GB 11643）',
    });
    expect(report.errorReport).toBe(`/api/persons/imports/${report.jobId}/errors.xlsx`);
    jobId = report.jobId;

    const found = await get('a_community', `/api/persons?idNumber=${ids.good}`);
    expect(found.json().items).toEqual([
      expect.objectContaining({
        name: '王五',
        jurisdictionCode: VILLAGE_A,
        keyGroups: ['courier', 'transport'],
        phoneMasked: '137****7000',
        sex: 'male',
      }),
    ]);
    const passport = await get('a_community', `/api/persons?idNumber=${ids.passport}`);
    expect(passport.json().items).toEqual([
      expect.objectContaining({ idType: 'passport', sex: 'female', birthDate: '1985-03-09' }),
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await personsChecksum();
    const response = await upload('a_community', '太平社区台账.csv', csvText(CSV_ROWS));
    expect(response.json()).toMatchObject({ total: 13, created: 0, unchanged: 3, rejected: 10 });
    expect(triples(response.json().errors)).toEqual(CSV_EXPECTED_ERRORS);
    expect(await personsChecksum()).toEqual(before);
  });

  it('stores every row error for download, without the rejected values, within scope only', async () => {
    const response = await get('a_community', `/api/persons/imports/${jobId}/errors.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const [rows] = [...(await readWorkbook(response.rawPayload)).values()];
    expect(rows![0]).toEqual(['行号 Line', '列 Column', '字段 Field', '错误代码 Code', '说明', 'Message']);
    expect(rows!.slice(1).map((r) => [Number(r[0]), r[2], r[3]])).toEqual(CSV_EXPECTED_ERRORS);
    expect(rows![1]![4]).toBe('证件号码校验位错误（GB 11643）');

    const stored = await db.query('SELECT * FROM person_import_errors WHERE import_id = $1', [jobId]);
    expect(Object.keys(stored[0]!).sort()).toEqual([
      'code',
      'field',
      'import_id',
      'jurisdiction_code',
      'line',
      'seq',
    ]);
    expect((await get('b_admin', `/api/persons/imports/${jobId}/errors.xlsx`)).statusCode).toBe(404);
    const unknown = await get(
      'a_community',
      '/api/persons/imports/00000000-0000-4000-8000-000000000000/errors.xlsx',
    );
    expect(unknown.statusCode).toBe(404);
    expect((await get('a_community', '/api/persons/imports/not-a-uuid/errors.xlsx')).statusCode).toBe(400);
  });

  it('records an audit entry when an import starts and one at its end, with counts and no personal data', async () => {
    const entries = await db.query<{
      action: string;
      actor_name: string;
      jurisdiction_code: string;
      detail: Record<string, unknown>;
    }>(
      `SELECT action, actor_name, jurisdiction_code, detail FROM audit_log
       WHERE action IN ('import_started', 'import') AND entity_id = $1 ORDER BY id`,
      [jobId],
    );
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'import_started',
        jurisdiction_code: VILLAGE_A,
        detail: { fileName: '太平社区台账.csv', format: 'csv' },
      }),
      expect.objectContaining({
        action: 'import',
        jurisdiction_code: VILLAGE_A,
        detail: {
          fileName: '太平社区台账.csv',
          format: 'csv',
          status: 'done',
          total: 13,
          created: 2,
          unchanged: 1,
          rejected: 10,
        },
      }),
    ]);
  });

  it('reads an .xlsx with a title row, English headers, numeric and date cells; lines are sheet rows', async () => {
    const birth = new Date(Date.UTC(1991, 4, 6));
    const file = await xlsxBuffer([
      ['盘山县重点人群台账'], // 1: a title, skipped
      ['Name', 'ID number', 'Jurisdiction code', 'Phone', 'ID type', 'Birth date', 'Key groups'], // 2
      ['刘一', residentId(10), Number(VILLAGE_A), 13600136000, '', null, '院前转运人员'], // 3
      [], // 4
      ['陈二', residentId(11), '211122', null, '', null, ''], // 5: a county-level code is a jurisdiction too
      [{ richText: [{ text: '外' }, { text: '籍' }] }, 'G9988776', VILLAGE_A, null, '护照', birth, ''], // 6
      ['', residentId(12), VILLAGE_A, null, '', null, ''], // 7
      ['杨三', residentId(13), '150402001001', null, '', null, ''], // 8: another county
    ]);
    const response = await upload('a_admin', 'ledger.xlsx', file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ total: 5, created: 3, unchanged: 0, rejected: 2 });
    expect(triples(response.json().errors)).toEqual([
      [7, 'name', 'required'],
      [8, 'jurisdictionCode', 'jurisdiction_out_of_scope'],
    ]);
    const foreign = await get('a_admin', '/api/persons?idNumber=G9988776');
    expect(foreign.json().items[0]).toMatchObject({ name: '外籍', birthDate: '1991-05-06' });
  });

  it('reads GB18030 csv (Excel on Chinese Windows)', async () => {
    const rows = [
      ['姓名', '证件号码', '现住址区划代码', '重点人群'],
      ['黄四', residentId(20), VILLAGE_A, '学生及托幼儿童'],
    ];
    const response = await upload('a_admin', 'gbk.csv', gb18030(csvText(rows)));
    expect(response.json()).toMatchObject({ total: 1, created: 1, rejected: 0 });
    const found = await get('a_admin', `/api/persons?idNumber=${residentId(20)}`);
    expect(found.json().items[0]).toMatchObject({ name: '黄四', keyGroups: ['student'] });
  });

  it('fails a file without a required header as a whole, naming the missing column', async () => {
    const response = await upload(
      'a_admin',
      'x.csv',
      csvText([
        ['姓名', '现住址区划代码'],
        ['张', VILLAGE_A],
      ]),
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'bad_file',
      errors: [{ field: '证件号码', code: 'header_missing', message_zh: '证件号码列在表头中缺失' }],
    });
  });

  it('answers hostile or broken uploads with a 4xx problem, never a 5xx', async () => {
    const good = await xlsxBuffer([
      ['姓名', '证件号码', '现住址区划代码'],
      ['张', residentId(30), VILLAGE_A],
    ]);
    const corrupt = Buffer.from(good);
    corrupt.fill(7, 200, 900);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    const cases: Array<[string, Promise<{ statusCode: number; json(): { code: string } }>, number, string]> =
      [
        ['corrupt xlsx', upload('a_admin', 'x.xlsx', corrupt), 400, 'bad_file'],
        ['truncated xlsx', upload('a_admin', 'x.xlsx', good.subarray(0, good.length / 2)), 400, 'bad_file'],
        ['text named .xlsx', upload('a_admin', 'x.xlsx', 'name,id\n'), 400, 'bad_file'],
        ['binary named .csv', upload('a_admin', 'x.csv', png), 400, 'bad_file'],
        ['xlsx named .csv', upload('a_admin', 'x.csv', good), 400, 'bad_file'],
        ['empty csv', upload('a_admin', 'x.csv', ''), 400, 'bad_file'],
        ['empty xlsx', upload('a_admin', 'x.xlsx', ''), 400, 'bad_file'],
        [
          'unclosed quote',
          upload('a_admin', 'x.csv', `姓名,证件号码,现住址区划代码\n"张${'x'.repeat(70_000)}`),
          400,
          'bad_file',
        ],
        ['other extension', upload('a_admin', 'x.txt', 'a,b\n'), 415, 'unsupported_media_type'],
        ['other field name', upload('a_admin', 'x.csv', 'a,b\n', 'upload'), 400, 'validation'],
        [
          'json body',
          app.inject({
            method: 'POST',
            url: '/api/persons/import',
            headers: { cookie: cookies.a_admin! },
            payload: { file: 'x' },
          }),
          415,
          'unsupported_media_type',
        ],
        [
          'no boundary',
          app.inject({
            method: 'POST',
            url: '/api/persons/import',
            headers: { cookie: cookies.a_admin!, 'content-type': 'multipart/form-data' },
            payload: 'garbage',
          }),
          400,
          'validation',
        ],
        [
          'truncated multipart',
          app.inject({
            method: 'POST',
            url: '/api/persons/import',
            headers: { cookie: cookies.a_admin!, ...multipart('x.csv', '').headers },
            payload: multipart('x.csv', csvText([['姓名', '证件号码', '现住址区划代码']])).payload.subarray(
              0,
              150,
            ),
          }),
          400,
          'bad_file',
        ],
      ];
    for (const [name, pending, status, code] of cases) {
      const response = await Promise.race([
        pending,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${name} hangs`)), 20_000)),
      ]);
      expect({ name, status: response.statusCode, code: response.json().code }).toEqual({
        name,
        status,
        code,
      });
    }
  });

  it('needs a signed-in caller with person.import', async () => {
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/persons/import',
      ...multipart('x.csv', 'a'),
    });
    expect(anonymous.statusCode).toBe(401);
    await db.transaction((tx) =>
      createUser(tx, undefined, {
        username: 'a_lab',
        displayName: 'a_lab',
        password: PASSWORD,
        roles: ['lab'],
        scopes: [COUNTY_A],
      }),
    );
    cookies.a_lab = await signInAs(app, 'a_lab');
    expect((await upload('a_lab', 'x.csv', 'a')).statusCode).toBe(403);
    expect((await get('a_lab', '/api/persons/export.xlsx')).statusCode).toBe(403);
  });
});

describe('ledger import from the CLI (no actor: as the owner)', () => {
  it('prints the counts and row errors in zh and en, and files the import under the rows’ common prefix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fangkong-cli-'));
    const file = join(dir, '台账.csv');
    writeFileSync(
      file,
      csvText([
        ['姓名', '证件号码', '现住址区划代码'],
        ['冯一', residentId(40), VILLAGE_A],
        ['冯二', residentId(41), VILLAGE_OTHER],
        ['冯三', withWrongCheckDigit(residentId(42)), VILLAGE_A],
      ]),
    );
    const lines: string[] = [];
    try {
      await importPersonsFromFile(ctx, file, (line) => lines.push(line));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(lines).toEqual([
      '3 rows: 2 created, 0 unchanged (already registered), 1 rejected',
      '共 3 行：新增 2，未变（已登记）0，拒绝 1',
      '  第4行 证件号码校验位错误（GB 11643） / line 4: idNumber has a wrong check digit (GB 11643)',
    ]);
    const [record] = await db.query<{ id: string; jurisdiction_code: string; actor_id: string | null }>(
      "SELECT id, jurisdiction_code, actor_id FROM person_imports WHERE file_name = '台账.csv'",
    );
    expect(record).toMatchObject({ jurisdiction_code: '21112200100', actor_id: null });
    const errors = await db.query<{ jurisdiction_code: string }>(
      'SELECT jurisdiction_code FROM person_import_errors WHERE import_id = $1',
      [record!.id],
    );
    expect(errors).toEqual([{ jurisdiction_code: '21112200100' }]);
  });

  it('fails a file that is not a ledger', async () => {
    await expect(importPersonsFromFile(ctx, '/nonexistent/x.txt')).rejects.toMatchObject({
      code: 'unsupported_media_type',
    });
  });
});

describe('ledger template', () => {
  it('downloads with a header, an example and 填写说明, and imports cleanly', async () => {
    const response = await get('a_community', '/api/persons/import/template.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const sheets = await readWorkbook(response.rawPayload);
    const [ledger, notes] = [...sheets.values()];
    expect([...sheets.keys()][1]).toBe('填写说明');
    expect(ledger![0]).toEqual([
      '姓名',
      '证件类型',
      '证件号码',
      '联系电话',
      '性别',
      '出生日期',
      '现住址区划代码',
      '详细地址',
      '工作单位',
      '户号',
      '重点人群',
    ]);
    expect(ledger).toHaveLength(2);
    const noteText = notes!.flat().join(' ');
    for (const label of ['居民身份证', '外国人永久居留证', '快递外卖从业人员', '学生及托幼儿童']) {
      expect(noteText).toContain(label);
    }

    const imported = await upload('a_community', '模板.xlsx', response.rawPayload);
    expect(imported.json()).toMatchObject({ total: 1, created: 1, rejected: 0, errors: [] });
    const again = await upload('a_community', '模板.xlsx', response.rawPayload);
    expect(again.json()).toMatchObject({ total: 1, created: 0, unchanged: 1, rejected: 0 });
  });
});

describe('ledger export', () => {
  it('exports the filtered list as .xlsx with masked ID numbers and phones, and audits it', async () => {
    const list = await get('a_admin', '/api/persons?keyGroup=courier&pageSize=200');
    const expected = list.json().items.map((p: { name: string }) => p.name);
    expect(expected.length).toBeGreaterThan(0);

    const response = await get('a_admin', '/api/persons/export.xlsx?keyGroup=courier');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const [rows] = [...(await readWorkbook(response.rawPayload)).values()];
    const [header, ...body] = rows!;
    expect(header!.slice(0, 4)).toEqual(['姓名', '证件类型', '证件号码', '联系电话']);
    expect(body.map((r) => r[0])).toEqual(expected);
    for (const row of body) {
      expect(row[2]).toMatch(/^[0-9A-Z]{1,6}\*+[0-9A-Z]{1,4}$/);
      expect(row[11]).toContain('快递外卖从业人员');
    }
    const raw = response.rawPayload.toString('latin1');
    expect(raw).not.toContain(ids.good);

    const [audit] = await db.query<{ detail: { filter: unknown; rows: number; complete: boolean } }>(
      "SELECT detail FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1",
    );
    expect(audit!.detail).toMatchObject({
      filter: { keyGroup: 'courier' },
      rows: expected.length,
      complete: true,
    });
  });

  it('keeps the export within scope (CMD-1) and keeps a searched ID number in the audit log only as its keyed hash', async () => {
    const response = await get('b_admin', `/api/persons/export.xlsx?idNumber=${ids.good}`);
    expect(response.statusCode).toBe(200);
    const [rows] = [...(await readWorkbook(response.rawPayload)).values()];
    expect(rows).toHaveLength(1);
    const [audit] = await db.query<{ detail: string }>(
      "SELECT detail::text AS detail FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1",
    );
    expect(audit!.detail).not.toContain(ids.good);
    // Even the masked number narrows the search; the log keeps the keyed hash, as for every exact search.
    expect(audit!.detail).not.toContain(maskIdNumber(ids.good));
    expect(audit!.detail).toContain(idHash(ctx.cipher, ids.good).toString('hex'));
  });

  it('exports in the order of the list', async () => {
    const response = await get('a_admin', `/api/persons/export.xlsx?jurisdiction=${VILLAGE_A}`);
    const [rows] = [...(await readWorkbook(response.rawPayload)).values()];
    const list = await get('a_admin', `/api/persons?jurisdiction=${VILLAGE_A}&pageSize=200`);
    expect(rows!.slice(1).map((r) => r[0])).toEqual(list.json().items.map((p: { name: string }) => p.name));
  });

  it('rejects a malformed filter with a 4xx', async () => {
    const response = await get('a_admin', '/api/persons/export.xlsx?jurisdiction=<script>');
    expect(response.statusCode).toBe(400);
  });
});

describe('personal data', () => {
  it('appears in no import table nor audit entry in clear', async () => {
    const secrets = [ids.good, ids.badCheck, ids.unknownPlace, ids.passport, '13700137000', '13600136000'];
    for (const table of ['persons', 'person_imports', 'person_import_errors', 'audit_log']) {
      const [row] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} t WHERE t::text LIKE ANY ($1::text[])`,
        [secrets.map((s) => `%${s}%`)],
      );
      expect({ table, n: row!.n }).toEqual({ table, n: 0 });
    }
  });
});

describe('OpenAPI', () => {
  it('documents the ledger routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = response.json().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/persons/import',
        '/api/persons/import/template.xlsx',
        '/api/persons/imports/{id}/errors.xlsx',
        '/api/persons/export.xlsx',
      ]),
    );
    expect(Object.keys(paths['/api/persons/import'].post.requestBody.content)).toEqual([
      'multipart/form-data',
    ]);
  });
});
