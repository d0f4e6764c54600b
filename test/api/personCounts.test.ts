import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SealedPerson } from '../../src/modules/persons/index.js';
import {
  insertSealedPersons,
  personsPerChild,
  SEALED_COLUMNS,
  sealPerson,
} from '../../src/modules/persons/index.js';
import { withScope } from '../../src/platform/access/scope.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { HANDOVER_A, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';
import { csvText, multipart } from './ledgerFiles.js';

/**
 * Persons per jurisdiction are counters kept by statement triggers on `persons` (migration 0097),
 * read by campaign progress (TST-6) and the dashboard instead of counting persons per request. After
 * every kind of write — one registration, a batched insert with duplicates, COPY, a ledger import
 * and its re-import, an edit that moves a person, a hand-over, a bulk move, deletes — the counters
 * equal a direct count of the persons table.
 */
const VILLAGE_A1 = '211122001001';
const VILLAGE_A2 = '211122001002';
const TOWN_A1 = '211122001';
const VILLAGE_B = '150402001001';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let adminA: string;

beforeAll(async () => {
  env = await openWorldApp();
  adminA = await signInAs(env.app, 'a_admin');
});
afterAll(() => env.close());

/** Every non-zero counter against a direct count of the persons table (as the owner: all of it). */
async function expectCountersEqualDirectCount() {
  const counters = await env.db.query(
    'SELECT jurisdiction_code AS code, persons FROM person_counts WHERE persons <> 0 ORDER BY 1',
  );
  const direct = await env.db.query(
    'SELECT jurisdiction_code AS code, count(*)::int AS persons FROM persons GROUP BY 1 ORDER BY 1',
  );
  expect(counters).toEqual(direct);
  return new Map((direct as Array<{ code: string; persons: number }>).map((r) => [r.code, r.persons]));
}

/** A resident of 盘山县 with a valid number, distinct for every n below 1,000. */
function resident(n: number, jurisdictionCode: string): SealedPerson {
  return sealPerson(env.ctx.cipher, {
    name: `计数${n}`,
    idType: 'resident_id',
    idNumber: withCheckDigit(`21112219700101${String(n).padStart(3, '0')}`),
    phone: null,
    sex: null,
    birthDate: null,
    jurisdictionCode,
    address: null,
    employer: null,
    householdCode: null,
    keyGroups: [],
  });
}

/** Sealed persons as header-less CSV for COPY: bytea as \x hex, arrays as literals, NULL unquoted. */
function sealedCsv(rows: readonly SealedPerson[]): string {
  const cell = (value: SealedPerson[keyof SealedPerson]): string => {
    if (value === null) return '';
    if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
    if (Array.isArray(value)) return `{${value.join(',')}}`;
    return `"${String(value).replaceAll('"', '""')}"`;
  };
  return `${rows.map((row) => SEALED_COLUMNS.map((column) => cell(row[column])).join(',')).join('\n')}\n`;
}

const post = (url: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie: adminA }, payload });

describe('persons per jurisdiction are counted as persons are written', () => {
  it('counts the persons the world registered', async () => {
    const counts = await expectCountersEqualDirectCount();
    expect(counts.get(VILLAGE_A1)).toBeGreaterThan(0);
  });

  it('counts a registration, a batched insert without its duplicates, and a COPY', async () => {
    const registered = await post('/api/persons', {
      name: '计数登记',
      idNumber: withCheckDigit('21112219700102001'),
      jurisdictionCode: VILLAGE_A2,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const batch = [resident(1, VILLAGE_A1), resident(2, VILLAGE_A2), resident(3, VILLAGE_B)];
    const inserted = await env.db.transaction((tx) =>
      insertSealedPersons(tx, [...batch, resident(1, VILLAGE_A1)]),
    );
    expect(inserted).toBe(3);
    // The same rows again: every one already registered, nothing inserted, nothing counted.
    expect(await env.db.transaction((tx) => insertSealedPersons(tx, batch))).toBe(0);
    const copied = Array.from({ length: 40 }, (_, i) => resident(100 + i, i % 2 ? VILLAGE_A1 : VILLAGE_A2));
    await env.db.copyCsv('persons', [...SEALED_COLUMNS], sealedCsv(copied));
    const counts = await expectCountersEqualDirectCount();
    expect(counts.get(VILLAGE_A2)).toBeGreaterThanOrEqual(22);
  });

  it('counts a ledger import once, and its re-import not at all', async () => {
    const before = await expectCountersEqualDirectCount();
    const rows = [
      ['姓名', '证件号码', '现住址区划代码'],
      ...Array.from({ length: 5 }, (_, i) => [
        `台账${i}`,
        withCheckDigit(`21112219700103${String(i).padStart(3, '0')}`),
        VILLAGE_A2,
      ]),
    ];
    const upload = () => {
      const body = multipart('计数台账.csv', csvText(rows));
      return env.app.inject({
        method: 'POST',
        url: '/api/persons/import',
        headers: { ...body.headers, cookie: adminA },
        payload: body.payload,
      });
    };
    expect((await upload()).json()).toMatchObject({ created: 5, rejected: 0 });
    expect((await expectCountersEqualDirectCount()).get(VILLAGE_A2)).toBe(before.get(VILLAGE_A2)! + 5);
    expect((await upload()).json()).toMatchObject({ created: 0, unchanged: 5 });
    expect((await expectCountersEqualDirectCount()).get(VILLAGE_A2)).toBe(before.get(VILLAGE_A2)! + 5);
  });

  it('moves the count with a person on an edit, a hand-over and a bulk move, and not on other edits', async () => {
    const created = await post('/api/persons', {
      name: '计数搬家',
      idNumber: withCheckDigit('21112219700104001'),
      jurisdictionCode: VILLAGE_A1,
    });
    const person = created.json() as { id: string; version: number };
    const put = (payload: object) =>
      env.app.inject({
        method: 'PUT',
        url: `/api/persons/${person.id}`,
        headers: { cookie: adminA },
        payload,
      });
    const before = await expectCountersEqualDirectCount();
    const renamed = await put({ name: '计数改名', jurisdictionCode: VILLAGE_A1, version: 1 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await expectCountersEqualDirectCount()).toEqual(before);
    const moved = await put({ name: '计数改名', jurisdictionCode: VILLAGE_A2, version: 2 });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await expectCountersEqualDirectCount();
    expect(after.get(VILLAGE_A1)).toBe(before.get(VILLAGE_A1)! - 1);
    expect(after.get(VILLAGE_A2)).toBe(before.get(VILLAGE_A2)! + 1);

    // The world's pending hand-over moves 盘山县's person to 红山区 (a SECURITY DEFINER function).
    const accepted = await post(`/api/persons/handovers/${HANDOVER_A}/decision`, {
      decision: 'accept',
      note: '已迁往红山区居住',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const handedOver = await expectCountersEqualDirectCount();
    expect(handedOver.get(VILLAGE_B)).toBe(after.get(VILLAGE_B)! + 1);

    // One statement moving many persons both ways, and one that moves nobody.
    await env.db.query(
      `UPDATE persons SET jurisdiction_code = CASE jurisdiction_code WHEN $1 THEN $2 ELSE $1 END
       WHERE name LIKE '计数1%' AND jurisdiction_code IN ($1, $2)`,
      [VILLAGE_A1, VILLAGE_A2],
    );
    await expectCountersEqualDirectCount();
    await env.db.query(`UPDATE persons SET address = '同一地址' WHERE name LIKE '计数%'`);
    await expectCountersEqualDirectCount();
  });

  it('counts deletes', async () => {
    const before = await expectCountersEqualDirectCount();
    const deleted = await env.db.query(`DELETE FROM persons WHERE name LIKE '计数1__' RETURNING 1`);
    expect(deleted.length).toBe(40);
    const after = await expectCountersEqualDirectCount();
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(total(after)).toBe(total(before) - 40);
  });
});

describe('persons per child, in the reader’s scope (CMD-1)', () => {
  it('sums the counters by child, equal to a direct count, and shows another county nothing', async () => {
    const { a_admin: a, b_admin: b } = env.world.users;
    const direct = await env.db.query(
      `SELECT left(jurisdiction_code, 9) AS child, count(*)::int AS persons FROM persons
       WHERE jurisdiction_code ^@ '211122' GROUP BY 1 ORDER BY 1`,
    );
    expect(direct.length).toBeGreaterThan(0);
    expect(await withScope(env.db, a!, (tx) => personsPerChild(tx, '211122', 9))).toEqual(direct);
    const villages = await env.db.query(
      `SELECT jurisdiction_code AS child, count(*)::int AS persons FROM persons
       WHERE jurisdiction_code ^@ $1 GROUP BY 1 ORDER BY 1`,
      [TOWN_A1],
    );
    expect(villages.length).toBeGreaterThan(0);
    expect(await withScope(env.db, a!, (tx) => personsPerChild(tx, TOWN_A1, 12))).toEqual(villages);
    expect(await withScope(env.db, b!, (tx) => personsPerChild(tx, '211122', 9))).toEqual([]);
  });
});
