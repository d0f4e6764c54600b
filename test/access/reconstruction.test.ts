import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../src/modules/persons/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import { withScope } from '../../src/platform/access/scope.js';
import { ageOn, MIN_ID_CANDIDATES } from '../../src/rules/birthBand.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { ROLE_PERMISSIONS, ROLES } from '../../src/rules/roles.js';
import { localDate } from '../../src/rules/time.js';
import { guarded, routeRequests } from '../support/routeRequests.js';
import { COUNTY_A, PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * Masked means irreversible (DESIGN "Safe by default"): as every role without the unmask
 * permission, read everything it may read — every GET route, the persons list, each person, the
 * export and the audit log — then, for each person, count the resident ID numbers consistent with
 * all of it. Every person must keep at least MIN_ID_CANDIDATES (src/rules/birthBand.ts), and no
 * phone fewer than that either. Today's code sent the birth date: one candidate each.
 */
const LOCKED_ROLES = ROLES.filter((role) => !ROLE_PERMISSIONS[role].includes('person.unmask'));

interface Seeded {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
}

let env: Awaited<ReturnType<typeof openWorldApp>>;
const seeded: Seeded[] = [];
const BIRTH_DATES = [
  '1931-02-03',
  '1949-12-31',
  '1950-01-01',
  '1966-06-15',
  '1979-09-09',
  '1980-01-01',
  '1985-07-20',
  '1990-02-28',
  '1999-12-31',
  '2000-01-01',
  '2008-08-08',
  '2012-02-29',
  '2019-12-31',
  '2020-01-01',
  '2023-05-04',
  '2024-10-01',
];

beforeAll(async () => {
  env = await openWorldApp();
  const admin = env.world.users.a_admin!;
  for (const [i, born] of BIRTH_DATES.entries()) {
    const sequence = String(100 + i * 37).padStart(3, '0');
    const idNumber = withCheckDigit(`211122${born.replaceAll('-', '')}${sequence}`);
    const phone = `1390000${String(1000 + i).slice(-4)}`;
    const name = `重建测试${String.fromCharCode(0x4e00 + i)}`;
    const person = await withScope(env.ctx.db, admin, (tx) =>
      createPerson(env.ctx, tx, admin, { name, idNumber, phone, jurisdictionCode: VILLAGE_A }),
    );
    seeded.push({ id: person.id, name, idNumber, phone });
  }
  for (const role of LOCKED_ROLES) {
    await env.ctx.db.transaction((tx) =>
      createUser(tx, undefined, {
        username: `r_${role}`,
        displayName: role,
        password: PASSWORD,
        roles: [role],
        scopes: [COUNTY_A],
      }),
    );
  }
}, 120_000);
afterAll(() => env.close());

/** What one response says: JSON values, or an .xlsx's rows keyed by their header. */
async function readResponse(response: {
  headers: Record<string, unknown>;
  rawPayload: Buffer;
  body: string;
}): Promise<unknown> {
  if (!String(response.headers['content-type'] ?? '').includes('spreadsheetml')) {
    try {
      return JSON.parse(response.body);
    } catch {
      return response.body;
    }
  }
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const rows: Record<string, string>[] = [];
  book.eachSheet((sheet) => {
    const header: string[] = [];
    sheet.eachRow((row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col] = String(cell.text ?? '');
      });
      if (n === 1) header.push(...cells);
      else {
        const record: Record<string, string> = {};
        cells.forEach((text, col) => {
          record[header[col] ?? String(col)] = text;
        });
        rows.push(record);
      }
    });
  });
  return rows;
}

/** Every object (or sheet row) among `value` that speaks of `person`: by its id or its name. */
function objectsAbout(value: unknown, person: Seeded, found: Record<string, unknown>[] = []) {
  if (Array.isArray(value)) for (const item of value) objectsAbout(item, person, found);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Object.values(record).some((v) => v === person.id || v === person.name)) found.push(record);
    for (const child of Object.values(record)) objectsAbout(child, person, found);
  }
  return found;
}

const MASKED_ID = /^[0-9X*]{18}$/;
const MASKED_PHONE = /^[0-9*]{11}$/;
const matches = (pattern: string, value: string) =>
  pattern.length === value.length && [...pattern].every((c, i) => c === '*' || c === value[i]);

/** The calendar dates from 1880 to `last`, YYYY-MM-DD. */
function datesUntil(last: string): string[] {
  const dates: string[] = [];
  for (let t = Date.UTC(1880, 0, 1); ; t += 86_400_000) {
    const iso = new Date(t).toISOString().slice(0, 10);
    if (iso > last) return dates;
    dates.push(iso);
  }
}

/**
 * The resident ID numbers consistent with what was read of `person`: the masked forms, any birth
 * date or age band, and every date of something that happened to them (no one is born after it).
 */
function idCandidates(facts: Record<string, unknown>[], texts: string, person: Seeded, today: string) {
  if (texts.includes(person.idNumber)) return 1;
  const patterns = new Set<string>();
  const exact = new Set<string>();
  const bands: Array<[number, number]> = [];
  let latest = today;
  for (const fact of facts) {
    for (const [key, value] of Object.entries(fact)) {
      if (typeof value === 'string' && MASKED_ID.test(value) && value.includes('*')) patterns.add(value);
      if (/birth|出生/i.test(key) && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value))
        exact.add(value.slice(0, 10));
      else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && value.slice(0, 10) < latest)
        latest = value.slice(0, 10);
      if (key === 'ageBand' && value && typeof value === 'object') {
        const band = value as { minAge: number; maxAge: number };
        bands.push([band.minAge, band.maxAge]);
      }
      const text = typeof value === 'string' ? /^(\d+)[–-](\d+)岁$/.exec(value) : null;
      if (text) bands.push([Number(text[1]), Number(text[2])]);
    }
  }
  expect(patterns.size, `${person.name}: a masked ID number was read`).toBeGreaterThan(0);
  const [pattern] = [...patterns];
  let count = 0;
  for (const date of datesUntil(latest)) {
    if (exact.size > 0 && !exact.has(date)) continue;
    const age = ageOn(date, today);
    if (bands.some(([min, max]) => age < min || age > max)) continue;
    const id = withCheckDigit(`${pattern!.slice(0, 6)}${date.replaceAll('-', '')}${pattern!.slice(14, 17)}`);
    if ([...patterns].every((p) => matches(p, id))) count++;
  }
  return count;
}

function phoneCandidates(facts: Record<string, unknown>[], texts: string, person: Seeded) {
  if (texts.includes(person.phone)) return 1;
  const patterns = facts.flatMap((fact) =>
    Object.entries(fact)
      .filter(([key, v]) => /phone|电话/i.test(key) && typeof v === 'string' && MASKED_PHONE.test(v))
      .map(([, v]) => v as string),
  );
  if (patterns.length === 0) return 10 ** 11;
  const unknown = [...person.phone].filter((_, i) => patterns.every((p) => p[i] === '*')).length;
  return 10 ** unknown;
}

describe('masked means irreversible: the reconstruction attack fails for every role without unmask', () => {
  it.each(LOCKED_ROLES)('as %s, every person keeps ≥ 100 candidate ID numbers and phones', async (role) => {
    const cookie = await signInAs(env.app, `r_${role}`);
    const requests = routeRequests(env.world, () => '00000000-0000-4000-8000-000000000000');
    const reads: Array<Omit<InjectOptions, 'method'>> = env.routes
      .flatMap(guarded)
      .filter((key) => key.startsWith('GET ') && key in requests)
      .map((key) => requests[key]!());
    reads.push(
      { url: `/api/persons?jurisdiction=${COUNTY_A}&pageSize=100` },
      { url: `/api/persons/export.xlsx?jurisdiction=${COUNTY_A}` },
      { url: '/api/audit?entity=person&pageSize=100' },
      ...seeded.map((p) => ({ url: `/api/persons/${p.id}` })),
      ...seeded.map((p) => ({ url: `/api/audit?entityId=${p.id}` })),
    );
    const bodies: unknown[] = [];
    let texts = '';
    for (const read of reads) {
      const response = await env.app.inject({
        ...read,
        method: 'GET',
        headers: { ...(read.headers as Record<string, string>), cookie },
      } as InjectOptions);
      if (response.statusCode !== 200) continue;
      bodies.push(await readResponse(response));
      texts += response.body;
    }
    const today = localDate(env.ctx.now(), env.ctx.config.defaultTimeZone);
    const weakest: Array<{ name: string; ids: number; phones: number }> = [];
    let fewest = Number.POSITIVE_INFINITY;
    let read = 0;
    for (const person of seeded) {
      const facts = objectsAbout(bodies, person);
      if (facts.length === 0) continue; // this role reads nothing of them
      read++;
      const ids = idCandidates(facts, texts, person, today);
      fewest = Math.min(fewest, ids);
      const phones = phoneCandidates(facts, texts, person);
      if (ids < MIN_ID_CANDIDATES || phones < MIN_ID_CANDIDATES)
        weakest.push({ name: person.name, ids, phones });
    }
    // Every role here holds person.read: the attack must have had persons to work on.
    expect(read).toBe(seeded.length);
    expect(weakest).toEqual([]);
    console.info(`${role}: fewest candidate ID numbers for any person ${fewest}`);
  });
});
