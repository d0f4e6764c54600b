import ExcelJS from 'exceljs';
import type { FastifyInstance, InjectOptions, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/types.js';
import { buildApp } from '../../src/platform/http/app.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { multipartFile } from '../support/multipart.js';
import { type Build, guarded, routeRequests } from '../support/routeRequests.js';
import { COUNTY_A, PERSON_A, seedWorld, signInAs, VILLAGE_A } from '../support/world.js';

/**
 * CMD-1: every route of the API, called by an administrator of another county with the first
 * county's identifiers, answers 403/404 or answers without any of the first county's data.
 * The same request made by the first county's administrator must succeed, which proves the
 * request really aims at data. A route added later without a request in
 * test/support/routeRequests.ts fails this test.
 */
let db: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let routes: RouteOptions[];
let world: Awaited<ReturnType<typeof seedWorld>>;
let cookieA: string;
let cookieB: string;
let importIdA = '00000000-0000-4000-8000-000000000000';

let requests: Record<string, Build>;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  const { ctx } = testContext(db);
  world = await seedWorld(ctx);
  ({ app, routes } = await buildApp(ctx));
  cookieA = await signInAs(app, 'a_admin');
  cookieB = await signInAs(app, 'b_admin');
  requests = routeRequests(world, () => importIdA);
  if (routes.some((r) => r.url === '/api/persons/import')) {
    const csv = `姓名,证件号码,现住址区划代码\n王五,${withCheckDigit('21112219850303001')},${VILLAGE_A}\n`;
    const file = multipartFile('file', 'a.csv', csv);
    const response = await app.inject({
      method: 'POST',
      url: '/api/persons/import',
      payload: file.payload,
      headers: { ...file.headers, cookie: cookieA },
    });
    expect(response.statusCode).toBe(200);
    importIdA = response.json().jobId;
  }
});
afterAll(async () => {
  await app.close();
  await drop();
});

/** Everything the response says, xlsx included, as text to search for the first county's data. */
async function responseText(response: {
  headers: Record<string, unknown>;
  rawPayload: Buffer;
  body: string;
}) {
  if (!String(response.headers['content-type'] ?? '').includes('spreadsheetml')) return response.body;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  return cells.join('\n');
}

describe('CMD-1 every route refuses another subtree', () => {
  it('has a request for every guarded route', () => {
    const keys = routes.flatMap(guarded);
    expect(keys.length).toBeGreaterThan(15);
    expect(keys.filter((key) => !(key in requests))).toEqual([]);
  });

  it('answers the other county with 403/404 or without any of the first county’s data', async () => {
    const markers = [
      world.personA.id,
      PERSON_A.name,
      world.personA.idNumberMasked,
      world.users.a_admin!.userId,
      COUNTY_A,
      'a_admin',
    ];
    const keys = routes.flatMap(guarded).filter((key) => key !== 'DELETE /api/session');
    for (const key of keys) {
      const method = key.split(' ')[0] as InjectOptions['method'];
      const built = requests[key]!();
      const asB = await app.inject({ ...built, method, headers: { ...built.headers, cookie: cookieB } });
      if (asB.statusCode === 403 || asB.statusCode === 404) {
        expect(asB.headers['content-type'], key).toContain('application/problem+json');
        continue;
      }
      expect({ key, status: asB.statusCode }).toEqual({
        key,
        status: expect.toSatisfy((s: number) => s >= 200 && s < 300),
      });
      const text = await responseText(asB);
      for (const marker of markers)
        expect({ key, leaks: text.includes(marker) ? marker : null }).toEqual({ key, leaks: null });
    }
  });

  it('serves the same requests to the first county (they aim at real data)', async () => {
    for (const key of routes.flatMap(guarded).filter((k) => k !== 'DELETE /api/session')) {
      const method = key.split(' ')[0] as InjectOptions['method'];
      const built = requests[key]!();
      const asA = await app.inject({ ...built, method, headers: { ...built.headers, cookie: cookieA } });
      expect({ key, status: asA.statusCode, body: asA.statusCode < 300 ? '' : asA.body }).toEqual({
        key,
        status: expect.toSatisfy((s: number) => s >= 200 && s < 300),
        body: '',
      });
    }
  });

  it('refuses every guarded route without a session (401)', async () => {
    for (const key of routes.flatMap(guarded)) {
      const method = key.split(' ')[0] as InjectOptions['method'];
      const built = requests[key]!();
      const response = await app.inject({ ...built, method, headers: built.headers ?? {} });
      expect({ key, status: response.statusCode }).toEqual({ key, status: 401 });
    }
  });
});
