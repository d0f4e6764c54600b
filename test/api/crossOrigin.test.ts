import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/types.js';
import { buildApp } from '../../src/platform/http/app.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/database.js';
import { multipartFile } from '../support/multipart.js';
import { type Build, guarded, routeRequests } from '../support/routeRequests.js';
import { COUNTY_A, seedWorld, signInAs, VILLAGE_A } from '../support/world.js';

/**
 * Cross-site request forgery: every route that changes something, sent with a signed-in user's
 * session cookie by a page of another site, is refused (403 cross_origin) and writes nothing; the
 * same requests from the platform's own page still work. inject() addresses the app as
 * http://localhost:80, so that is the platform's own origin here.
 */
const OWN = 'http://localhost';
const FOREIGN = 'https://evil.example';
/** A body-less write: looking at a landing report (ARR-11). */
const LANDING_REPORT = '0a11d000-0000-4000-8000-000000000011';

let db: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let routes: RouteOptions[];
let cookie: string;
let requests: Record<string, Build>;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  const { ctx } = testContext(db);
  const world = await seedWorld(ctx);
  ({ app, routes } = await buildApp(ctx));
  cookie = await signInAs(app, 'a_admin');
  let importIdA = '00000000-0000-4000-8000-000000000000';
  requests = routeRequests(world, () => importIdA);
  // An import of county A, for the route that serves an import's rejected rows.
  const csv = `姓名,证件号码,现住址区划代码\n王五,${withCheckDigit('21112219850303001')},${VILLAGE_A}\n`;
  const file = multipartFile('file', 'a.csv', csv);
  const imported = await app.inject({
    method: 'POST',
    url: '/api/persons/import',
    payload: file.payload,
    headers: { ...file.headers, cookie, origin: OWN },
  });
  expect(imported.statusCode).toBe(200);
  importIdA = imported.json().jobId;
});
afterAll(async () => {
  await app.close();
  await drop();
});

/** Row counts and a digest of every table: equal before and after means nothing was written. */
async function snapshot(): Promise<string> {
  const tables = await db.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await db.query<{ digest: string | null }>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table_name} t`,
    );
    parts.push(`${table_name}:${row?.digest}`);
  }
  return parts.join('\n');
}

const isWrite = (key: string) => !/^(GET|HEAD|OPTIONS) /.test(key);
const writeRoutes = () => routes.flatMap(guarded).filter(isWrite);

/** A route's listed request; a route not listed yet gets its path with placeholders (a refusal
 * comes before the request is read, so it is tested all the same). */
function build(key: string): ReturnType<Build> {
  const listed = requests[key];
  if (listed) return listed();
  const url = key
    .split(' ')[1]!
    .replace(/:[a-zA-Z]*[iI]d\b/g, '00000000-0000-4000-8000-000000000000')
    .replace(/:[a-zA-Z]+/g, COUNTY_A);
  return { url, payload: {} };
}

function send(key: string, headers: Record<string, string>) {
  const method = key.split(' ')[0] as InjectOptions['method'];
  const built = build(key);
  return app.inject({ ...built, method, headers: { ...built.headers, ...headers } });
}

function expectRefused(what: string, response: LightMyRequestResponse) {
  const problem = response.headers['content-type']?.toString().includes('problem+json')
    ? response.json()
    : {};
  expect({ what, status: response.statusCode, code: problem.code }).toEqual({
    what,
    status: 403,
    code: 'cross_origin',
  });
}

/** What a foreign page can make a browser send: each says "another site" in its own way. */
const FOREIGN_HEADERS: Record<string, Record<string, string>> = {
  'Origin of another site': { origin: FOREIGN },
  'Origin of another port of this host': { origin: 'http://localhost:8080' },
  'Origin null (sandboxed frame, no-referrer page)': { origin: 'null' },
  'no Origin, Sec-Fetch-Site cross-site': { 'sec-fetch-site': 'cross-site' },
  'no Origin, Referer of another site': { referer: `${FOREIGN}/attack.html` },
};

describe('a signed-in user’s cookie cannot be used by another site', () => {
  it('covers every write route', () => {
    const keys = writeRoutes();
    expect(keys.length).toBeGreaterThan(40);
    expect(keys.filter((key) => !(key in requests))).toEqual([]);
    expect(keys).toEqual(
      expect.arrayContaining(['POST /api/persons/import', 'DELETE /api/session', 'POST /api/persons']),
    );
  });

  it('refuses every write route from a foreign origin, writing nothing', async () => {
    const before = await snapshot();
    for (const key of writeRoutes()) {
      for (const [how, headers] of Object.entries(FOREIGN_HEADERS))
        expectRefused(`${key} (${how})`, await send(key, { ...headers, cookie }));
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a form a foreign page can post without a preflight: text/plain, multipart', async () => {
    const before = await snapshot();
    const look = (origin: string) =>
      app.inject({
        method: 'POST',
        url: `/api/landing/reports/${LANDING_REPORT}/look`,
        payload: 'look=1',
        headers: { 'content-type': 'text/plain', origin, cookie },
      });
    expectRefused('text/plain POST', await look(FOREIGN));
    // No route reads text/plain: even the platform's own page gets 415 for it.
    expect((await look(OWN)).statusCode).toBe(415);
    const file = multipartFile(
      'file',
      'a.csv',
      `姓名,证件号码,现住址区划代码\n孙七,211122196006060017,${VILLAGE_A}\n`,
    );
    const upload = await app.inject({
      method: 'POST',
      url: '/api/persons/import',
      payload: file.payload,
      headers: { ...file.headers, origin: FOREIGN, cookie },
    });
    expectRefused('multipart import', upload);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses public writes from a foreign page too: sign-in and the public forms', async () => {
    const publicWrites: [string, string, unknown][] = [
      ['POST', '/api/session', { username: 'a_admin', password: 'Test-password-1' }],
      ['POST', `/api/public/landing/${COUNTY_A}/reports`, {}],
      ['POST', '/api/trucks/public/reports', {}],
    ];
    for (const [method, url, payload] of publicWrites) {
      const response = await app.inject({
        method: method as InjectOptions['method'],
        url,
        payload: payload as InjectOptions['payload'],
        headers: { origin: FOREIGN },
      });
      expectRefused(url, response);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('lets the platform’s own pages post to the public forms (refusals there are about the form)', async () => {
    for (const url of [`/api/public/landing/${COUNTY_A}/reports`, '/api/trucks/public/reports']) {
      const response = await app.inject({ method: 'POST', url, payload: {}, headers: { origin: OWN } });
      expect({ url, code: response.json().code }).toEqual({ url, code: 'validation' });
    }
  });

  it('exempts API tokens, which a browser never adds by itself, and then ignores the cookie', async () => {
    const created = await send('POST /api/session/tokens', { origin: OWN, cookie });
    expect(created.statusCode).toBe(201);
    const token: string = created.json().token;
    const preview = await send('POST /api/policy/impact/preview', {
      origin: FOREIGN,
      authorization: `Bearer ${token}`,
    });
    expect(preview.statusCode).toBe(200);
    const forged = await send('POST /api/policy/impact/preview', {
      origin: FOREIGN,
      authorization: 'Bearer fkt_not-a-token',
      cookie,
    });
    expect(forged.statusCode).toBe(401);
  });

  it('serves every route, writes included, from the platform’s own page', async () => {
    // Routes without a listed request fail 'covers every write route' above.
    const keys = routes.flatMap(guarded).filter((key) => key !== 'DELETE /api/session' && key in requests);
    const variants: Record<string, string>[] = [
      { origin: OWN },
      { 'sec-fetch-site': 'same-origin' },
      { referer: `${OWN}/persons` },
    ];
    let index = 0;
    for (const key of keys) {
      // Each request once, in route order (later routes use what earlier ones created); the ways a
      // browser names its own origin take turns.
      const headers = isWrite(key) ? variants[index++ % variants.length]! : { origin: OWN };
      const response = await send(key, { ...headers, cookie });
      expect({
        key,
        headers,
        status: response.statusCode,
        body: response.statusCode < 300 ? '' : response.body,
      }).toEqual({ key, headers, status: expect.toSatisfy((s: number) => s >= 200 && s < 300), body: '' });
    }
    const signOut = await send('DELETE /api/session', { origin: OWN, cookie });
    expect(signOut.statusCode).toBe(204);
  });
});
