import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guarded, routeRequests } from '../support/routeRequests.js';
import { COUNTY_A, PERSON_A, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * CMD-1 for the campaign routes alone (the whole-API test in test/access stops at its first
 * failing route): county B's administrator gets 403/404 or nothing of county A; county A's
 * administrator gets every request served; without a session, 401.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let cookieA: string;
let cookieB: string;

beforeAll(async () => {
  env = await openWorldApp();
  cookieA = await signInAs(env.app, 'a_admin');
  cookieB = await signInAs(env.app, 'b_admin');
});
afterAll(() => env.close());

const campaignKeys = () =>
  env.routes.flatMap(guarded).filter((key) => key.split(' ')[1]!.startsWith('/api/campaigns'));

async function text(response: { headers: Record<string, unknown>; rawPayload: Buffer; body: string }) {
  if (!String(response.headers['content-type'] ?? '').includes('spreadsheetml')) return response.body;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
  return cells.join('\n');
}

describe('CMD-1 campaign routes', () => {
  it('cover all eight routes, each with a request in routeRequests', () => {
    const requests = routeRequests(env.world, () => '');
    expect(campaignKeys()).toHaveLength(8);
    expect(campaignKeys().filter((key) => !(key in requests))).toEqual([]);
  });

  it('answer another county with 403/404 or without county A’s data, and county A in full', async () => {
    const requests = routeRequests(env.world, () => '');
    const markers = [env.world.personA.id, PERSON_A.name, env.world.testingA.campaignId, COUNTY_A];
    for (const key of campaignKeys()) {
      const method = key.split(' ')[0] as InjectOptions['method'];
      const built = requests[key]!();
      const asB = await env.app.inject({ ...built, method, headers: { ...built.headers, cookie: cookieB } });
      if (asB.statusCode !== 403 && asB.statusCode !== 404) {
        expect({ key, status: asB.statusCode }).toEqual({ key, status: 200 });
        const body = await text(asB);
        for (const marker of markers)
          expect({ key, leaks: body.includes(marker) ? marker : null }).toEqual({ key, leaks: null });
      }
      const asA = await env.app.inject({ ...built, method, headers: { ...built.headers, cookie: cookieA } });
      expect({ key, status: asA.statusCode < 300 ? 'ok' : asA.body }).toEqual({ key, status: 'ok' });
      const anonymous = await env.app.inject({ ...built, method, headers: built.headers ?? {} });
      expect({ key, status: anonymous.statusCode }).toEqual({ key, status: 401 });
    }
  });
});
