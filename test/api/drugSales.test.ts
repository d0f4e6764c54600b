import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSaleRowId } from '../../src/modules/drugSales/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import type { Role } from '../../src/rules/roles.js';
import { multipartFile } from '../support/multipart.js';
import { COUNTY_A, PASSWORD, PERSON_A, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * MON-2, 004 §11: "药店(含网上药店)、个体诊所、卫生院对'退热、止咳、抗病毒、抗生素'四类药品要实时做好平台登记和
 * 调查问询,旗县区医疗防控组要有专人调阅数据、追踪回访和核查处置,形成全链条、闭环式管理".
 */
const NOW = new Date('2026-12-07T02:00:00Z'); // 10:00 in 盘山县
const TOWN_A = '211122001';
let env: Awaited<ReturnType<typeof openWorldApp>>;
let pharmacy: string;
let group: string;
let otherCounty: string;
let outlet: string;
let serial = 100;
const newId = () => withCheckDigit(`21112219900101${serial++}`);

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

beforeAll(async () => {
  env = await openWorldApp();
  env.setNow(NOW);
  pharmacy = await addUser('a_pharmacy', 'pharmacy', COUNTY_A);
  group = await addUser('a_group', 'working_group', COUNTY_A);
  otherCounty = await signInAs(env.app, 'b_admin');
  const admin = await signInAs(env.app, 'a_admin');
  const created = await post('/api/drug-outlets', admin, {
    name: '胡家镇惠民大药房',
    kind: 'pharmacy',
    jurisdictionCode: VILLAGE_A,
  });
  expect(created.statusCode).toBe(201);
  outlet = created.json().id;
});
afterAll(() => env.close());

function post(url: string, cookie: string, payload: object) {
  return env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
}
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const count = async (sql: string, params: unknown[] = []) =>
  (await env.db.query<{ n: number }>(sql, params))[0]!.n;
const salesAt = () => count('SELECT count(*)::int AS n FROM drug_sales WHERE outlet_id = $1', [outlet]);
function importSheet(csv: string, cookie = pharmacy) {
  const file = multipartFile('file', 'sales.csv', csv);
  return env.app.inject({
    method: 'POST',
    url: `/api/drug-sales/import?outletId=${outlet}`,
    payload: file.payload,
    headers: { ...file.headers, cookie },
  });
}

describe('MON-2 the pharmacy counter', () => {
  it('registers a sale with the buyer masked, and the same saleId again changes nothing', async () => {
    const sale = {
      outletId: outlet,
      saleId: 'counter-1',
      idNumber: PERSON_A.idNumber,
      classes: ['antipyretic'],
    };
    const first = await post('/api/drug-sales', pharmacy, {
      ...sale,
      phone: '13800138000',
      buyerName: '欧阳明远',
    });
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body.created).toBe(true);
    expect(body.sale.idNumberMasked).toBe('211122********0017');
    expect(body.sale.phoneMasked).toBe('138****8000');
    expect(body.sale.buyerNameMasked).toBe('欧***');
    expect(first.body).not.toContain(PERSON_A.idNumber);
    const retry = await post('/api/drug-sales', pharmacy, {
      ...sale,
      phone: '13800138000',
      buyerName: '欧阳明远',
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ created: false, sale: { id: body.sale.id } });
    expect(body.sale.id).toBe(clientSaleRowId(outlet, 'counter-1'));
    expect(await salesAt()).toBe(1);
    // MON-4: the sale leaves a change note, so the drug-sales triggers are evaluated as data arrives.
    const notes = await env.db.query(
      "SELECT 1 FROM signal_changes WHERE feed = 'drug_sales' AND jurisdiction_code = $1",
      [VILLAGE_A],
    );
    expect(notes).toHaveLength(1);
  });

  it('refuses a different sale under a used saleId, and never overwrites the first', async () => {
    const clash = await post('/api/drug-sales', pharmacy, {
      outletId: outlet,
      saleId: 'counter-1',
      idNumber: newId(),
      classes: ['antibiotic'],
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors).toEqual([expect.objectContaining({ field: 'saleId', code: 'duplicate_id' })]);
    expect(await salesAt()).toBe(1);
  });

  it('checks the ID number by GB 11643 and the classes, with field and reason in both languages', async () => {
    const bad = await post('/api/drug-sales', pharmacy, {
      outletId: outlet,
      saleId: 'counter-bad',
      idNumber: '211122198001010018',
      classes: ['维生素'],
    });
    expect(bad.statusCode).toBe(400);
    const errors = bad.json().errors;
    expect(errors).toEqual([
      expect.objectContaining({ field: 'idNumber', code: 'id_checksum' }),
      expect.objectContaining({ field: 'classes', code: 'drug_class' }),
    ]);
    expect(errors[0].message_zh).toContain('校验位');
  });

  it('answers the same whether the buyer is a registered person or not (a sale is a claim)', async () => {
    const known = await post('/api/drug-sales', pharmacy, {
      outletId: outlet,
      saleId: 'claim-known',
      idNumber: PERSON_A.idNumber,
      classes: ['antitussive'],
    });
    const unknown = await post('/api/drug-sales', pharmacy, {
      outletId: outlet,
      saleId: 'claim-unknown',
      idNumber: newId(),
      classes: ['antitussive'],
    });
    const shape = (value: object): unknown =>
      Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          v && typeof v === 'object' && !Array.isArray(v) ? shape(v) : typeof v,
        ]),
      );
    expect(shape(known.json())).toEqual(shape(unknown.json()));
    expect(known.body).not.toContain(env.world.personA.id);
  });

  it('lists the counter its own last sales only, masked', async () => {
    const mine = await get(`/api/drug-sales/counter?outletId=${outlet}`, pharmacy);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().length).toBe(3);
    expect(mine.body).not.toContain(PERSON_A.idNumber);
    expect((await get(`/api/drug-sales/counter?outletId=${outlet}`, group)).statusCode).toBe(403);
  });
});

describe('MON-2 the sales sheet and the batch feed', () => {
  const good1 = newId();
  const good2 = newId();
  const sheet = [
    '身份证号,姓名,联系电话,药品类别,销售时间,数量',
    `${good1},王一,13700137001,退热、止咳,2026-12-07 08:30,2`,
    `${good1.slice(0, 17)}${good1.endsWith('0') ? '1' : '0'},王二,,抗病毒,2026-12-07 08:40,1`,
    `${good2},王三,12345,抗生素,2026-12-07 08:50,1`,
    `${good2},王三,,维生素,2026-12-07 08:55,1`,
    `${good2},王三,,抗病毒,2026-12-09 08:55,1`,
    `${good2},<script>,,抗生素,2026-12-07 09:00,0`,
    `${good2},王三,13700137002,抗生素,2026-12-07 09:10,`,
  ].join('\n');

  it('refuses every bad row with its line and reason and commits the good rows only', async () => {
    const before = await salesAt();
    const response = await importSheet(sheet);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ rows: 7, inserted: 2, unchanged: 0, rejected: 5 });
    expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, 'idNumber'],
      [4, 'phone'],
      [5, 'classes'],
      [6, 'soldAt'],
      [7, 'buyerName'],
      [7, 'quantity'],
    ]);
    expect(report.errors.every((e: { message_zh: string }) => e.message_zh.length > 0)).toBe(true);
    expect(await salesAt()).toBe(before + 2);
    const [row] = await env.db.query<{ classes: string[]; quantity: number; masked: string }>(
      `SELECT classes, quantity, id_masked AS masked FROM drug_sales WHERE outlet_id = $1 AND quantity = 2`,
      [outlet],
    );
    expect(row).toEqual({
      classes: ['antipyretic', 'antitussive'],
      quantity: 2,
      masked: expect.stringContaining('*'),
    });
  });

  it('changes nothing when the same sheet is imported again', async () => {
    const before = await salesAt();
    const again = (await importSheet(sheet)).json();
    expect(again).toMatchObject({ inserted: 0, unchanged: 2, rejected: 5 });
    expect(await salesAt()).toBe(before);
  });

  it('reads an .xlsx sheet the same way, streamed', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('销售');
    sheet.addRow(['销售单号', '身份证号', '药品类别']);
    sheet.addRow(['x-1', newId(), '抗生素']);
    sheet.addRow(['x-2', '12345', '抗生素']);
    const file = multipartFile('file', 'sales.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/drug-sales/import?outletId=${outlet}`,
      payload: file.payload,
      headers: { ...file.headers, cookie: pharmacy },
    });
    expect(response.json()).toMatchObject({
      rows: 2,
      inserted: 1,
      rejected: 1,
      errors: [{ line: 3, field: 'idNumber' }],
    });
  });

  it('writes nothing of a malformed file', async () => {
    const before = await salesAt();
    const response = await importSheet('姓名,电话\n王一,13700137001\n');
    expect(response.statusCode).toBe(400);
    expect(await salesAt()).toBe(before);
  });

  it('takes a till’s batch by API, idempotent by saleId, each refused item with its number', async () => {
    const sales = [
      { saleId: 'till-1', idNumber: newId(), classes: ['antiviral'], soldAt: '2026-12-07T01:00:00Z' },
      { saleId: 'till-2', idNumber: 'not-an-id', classes: ['antiviral'] },
      { saleId: 'till-3', idNumber: newId(), classes: ['退热'], quantity: 1 },
    ];
    const first = await post('/api/drug-sales/batch', pharmacy, { outletId: outlet, sales });
    expect(first.json()).toMatchObject({
      rows: 3,
      inserted: 2,
      rejected: 1,
      errors: [{ line: 2, field: 'idNumber' }],
    });
    const again = await post('/api/drug-sales/batch', pharmacy, { outletId: outlet, sales });
    expect(again.json()).toMatchObject({ inserted: 0, unchanged: 2, rejected: 1 });
  });
});

describe('MON-2 follow-up by the medical-control group', () => {
  it('opens one deadline per outlet and day, owned by the working group, due 24 hours after its first sale or its recording if later', async () => {
    const deadlines = await env.db.query<{ role: string; due: Date; rule: string; code: string }>(
      `SELECT owner_role AS role, due_at AS due, rule_id AS rule, jurisdiction_code AS code FROM deadlines
       WHERE subject_type = 'drug_sale_day' AND done_at IS NULL`,
    );
    expect(deadlines).toHaveLength(1);
    const [first] = await env.db.query<{ t: Date }>(
      'SELECT min(greatest(sold_at, recorded_at)) AS t FROM drug_sales WHERE outlet_id = $1',
      [outlet],
    );
    expect(deadlines[0]).toMatchObject({ role: 'working_group', rule: 'MON-2', code: VILLAGE_A });
    expect(new Date(deadlines[0]!.due).getTime()).toBe(new Date(first!.t).getTime() + 24 * 3_600_000);
  });

  it('lists the sales awaiting follow-up masked, oldest first, and refuses the pharmacy the list', async () => {
    const list = await get(`/api/drug-sales?jurisdiction=${TOWN_A}`, group);
    expect(list.statusCode).toBe(200);
    const page = list.json();
    expect(page.total).toBe(await salesAt());
    expect(page.items[0].dueAt).not.toBeNull();
    expect(list.body).not.toContain(PERSON_A.idNumber);
    expect((await get('/api/drug-sales', pharmacy)).statusCode).toBe(403);
  });

  it('unmasks a buyer only with a real reason, and audits it', async () => {
    const id = clientSaleRowId(outlet, 'counter-1');
    expect((await post(`/api/drug-sales/${id}/unmask`, group, { reason: '看看' })).statusCode).toBe(400);
    expect(
      (await post(`/api/drug-sales/${id}/unmask`, pharmacy, { reason: '回访核实身份' })).statusCode,
    ).toBe(403);
    const shown = await post(`/api/drug-sales/${id}/unmask`, group, { reason: '回访核实身份' });
    expect(shown.json()).toEqual({
      buyerName: '欧阳明远',
      idNumber: PERSON_A.idNumber,
      phone: '13800138000',
    });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'unmask' AND entity = 'drug_sale' AND entity_id = $1`,
        [id],
      ),
    ).toBe(1);
  });

  it('closes the outlet-day’s deadline once its last sale is followed up', async () => {
    const awaiting = (await get(`/api/drug-sales?outletId=${outlet}&pageSize=200`, group)).json().items;
    const [one, ...rest] = awaiting.map((s: { id: string }) => s.id);
    const partial = await post('/api/drug-sales/follow-ups', group, {
      saleIds: [one],
      contacted: true,
      outcome: 'referred',
      note: '发热38.5度，已引导至县医院发热门诊',
    });
    expect(partial.json()).toEqual({ recorded: 1, alreadyDone: 0, deadlinesClosed: 0 });
    const unreachableButContacted = await post('/api/drug-sales/follow-ups', group, {
      saleIds: rest,
      contacted: true,
      outcome: 'unreachable',
    });
    expect(unreachableButContacted.statusCode).toBe(400);
    const rest1 = await post('/api/drug-sales/follow-ups', group, {
      saleIds: [one, ...rest],
      contacted: true,
      outcome: 'no_symptoms',
    });
    expect(rest1.json()).toEqual({ recorded: rest.length, alreadyDone: 1, deadlinesClosed: 1 });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM deadlines WHERE subject_type = 'drug_sale_day' AND done_at IS NULL AND cancelled_at IS NULL`,
      ),
    ).toBe(0);
    const stored = await env.db.query<{ outcome: string }>(
      'SELECT follow_up_outcome AS outcome FROM drug_sales WHERE id = $1',
      [one],
    );
    expect(stored[0]!.outcome).toBe('referred');
    expect((await get(`/api/drug-sales?outletId=${outlet}`, group)).json().total).toBe(0);
  });

  it('shows the purchase on the buyer’s person story to the group, matched by keyed hash', async () => {
    const story = await get(`/api/persons/${env.world.personA.id}/story`, group);
    expect(story.statusCode).toBe(200);
    expect(story.body).toContain('胡家镇惠民大药房');
  });
});

describe('MON-2 scope', () => {
  it('hides one county’s outlets and sales from another', async () => {
    const id = clientSaleRowId(outlet, 'counter-1');
    expect((await get('/api/drug-sales?state=all', otherCounty)).json().total).toBe(0);
    expect((await get('/api/drug-outlets', otherCounty)).json()).toEqual([]);
    const sale = { outletId: outlet, saleId: 'b-1', idNumber: newId(), classes: ['antiviral'] };
    expect((await post('/api/drug-sales', otherCounty, sale)).statusCode).toBe(404);
    const followUp = { saleIds: [id], contacted: false, outcome: 'unreachable' };
    expect((await post('/api/drug-sales/follow-ups', otherCounty, followUp)).statusCode).toBe(404);
    expect(
      (await post(`/api/drug-sales/${id}/unmask`, otherCounty, { reason: '回访核实身份' })).statusCode,
    ).toBe(404);
  });
});

describe('MON-2 old and late sales', () => {
  it('MON-2 refuses a sale dated more than 30 days before its recording, with its own reason', async () => {
    const before = await salesAt();
    const response = await importSheet(
      [
        '身份证号,药品类别,销售时间',
        `${newId()},退热,2001-01-01 08:00`,
        `${newId()},退热,2026-11-06 09:00`,
      ].join('\n'),
    );
    expect(response.json()).toMatchObject({
      rows: 2,
      inserted: 0,
      rejected: 2,
      errors: [
        { line: 2, field: 'soldAt', code: 'sale_too_old', message_zh: expect.stringContaining('30天') },
        { line: 3, field: 'soldAt', code: 'sale_too_old' },
      ],
    });
    expect(await salesAt()).toBe(before);
  });

  it('MON-2 a late batch opens its follow-up due 24 hours after recording, never already overdue', async () => {
    const late = await post('/api/drug-sales/batch', pharmacy, {
      outletId: outlet,
      sales: [
        { saleId: 'late-1', idNumber: newId(), classes: ['antiviral'], soldAt: '2026-12-01T01:00:00Z' },
      ],
    });
    expect(late.json()).toMatchObject({ inserted: 1, rejected: 0 });
    const [deadline] = await env.db.query<{ due: Date; opened: Date }>(
      `SELECT d.due_at AS due, d.opened_at AS opened FROM deadlines d
       JOIN drug_sale_days b ON b.id::text = d.subject_id::text
       WHERE d.subject_type = 'drug_sale_day' AND b.day = '2026-12-01' AND d.done_at IS NULL`,
    );
    expect(new Date(deadline!.due).getTime()).toBe(NOW.getTime() + 24 * 3_600_000);
    expect(new Date(deadline!.due).getTime()).toBeGreaterThan(new Date(deadline!.opened).getTime());
  });
});
