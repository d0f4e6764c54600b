import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signVenueCode,
  sweepCheckIns,
  venueCodeKeys,
  verifyVenueCode,
} from '../../src/modules/venues/index.js';
import { partitionDays } from '../../src/platform/db/partitions.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { TEST_SECRET } from '../support/context.js';
import { multipartFile } from '../support/multipart.js';
import { publicSubmit } from '../support/publicChallenge.js';
import { COUNTY_A, PERSON_A, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * HC-2 venues and venue codes: the registry in scope, signed codes verifiable offline, the public
 * check-in (a claim: nothing about anyone, never a person record, rate-limited), idempotent feeds
 * with row errors, the supervisor's view (ZON-4) and retention.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let other: string;
let theatre: string;
let mall: string;
const NOW = new Date('2026-11-24T02:00:00Z');
const keys = venueCodeKeys(TEST_SECRET);

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  other = await signInAs(env.app, 'b_admin');
  theatre = (
    await post('/api/venues', admin, {
      name: '盘山影剧院',
      kind: 'theatre',
      jurisdictionCode: VILLAGE_A,
      capacity: 20,
      responsibleName: '王经理',
      responsiblePhone: '13600136000',
    })
  ).json().id;
  mall = (
    await post('/api/venues', admin, { name: '盘山百货', kind: 'mall', jurisdictionCode: COUNTY_A })
  ).json().id;
});
afterAll(() => env.close());

function post(url: string, cookie: string, payload: object) {
  return env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
}
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const count = async (sql: string, params: unknown[] = []) =>
  (await env.db.query<{ n: number }>(sql, params))[0]!.n;
/** Check-ins at this file's venues (the world has venues of its own). */
const mine = (extra = 'true') =>
  count(`SELECT count(*)::int AS n FROM check_ins WHERE venue_id IN ($1, $2) AND ${extra}`, [theatre, mall]);

let ip = 0;
const checkIn = (code: string, body: object, options: { ip?: string; solve?: boolean } = {}) =>
  publicSubmit(env.app, {
    method: 'POST',
    url: `/api/public/check-in/${code}`,
    payload: body,
    remoteAddress: options.ip ?? `10.77.0.${++ip % 250}`,
    ...(options.solve === undefined ? {} : { solve: options.solve }),
  });
const visitor = (n: number) => ({
  name: `访客${n}`,
  idNumber: withCheckDigit(`21112219900101${String(n).padStart(3, '0')}`),
  phone: '13500135000',
});

describe('HC-2 venue registry', () => {
  it('registers venues with ZON-4 limits and a sealed phone, audited', async () => {
    const venue = (await get(`/api/venues/${theatre}`, admin)).json();
    expect(venue).toMatchObject({
      kind: 'theatre',
      capacity: 20,
      capacityLimit: 15,
      responsiblePhoneMasked: '136****6000',
    });
    expect(JSON.stringify(venue)).not.toContain('13600136000');
    expect(
      await count("SELECT count(*)::int AS n FROM audit_log WHERE entity = 'venue' AND action = 'create'"),
    ).toBe(2);
  });

  it('lists with filters, edits with the version, and deactivates', async () => {
    const list = (await get(`/api/venues?jurisdiction=${COUNTY_A}&kind=theatre`, admin)).json();
    expect(list.items.map((v: { name: string }) => v.name)).toEqual(['盘山影剧院']);
    const stale = await env.app.inject({
      method: 'PATCH',
      url: `/api/venues/${mall}`,
      headers: { cookie: admin },
      payload: { version: 9, capacity: 10 },
    });
    expect(stale.statusCode).toBe(409);
    const clash = await post('/api/venues', admin, {
      name: '盘山百货',
      kind: 'mall',
      jurisdictionCode: COUNTY_A,
    });
    expect(clash.json()).toMatchObject({ code: 'name_taken' });
  });

  it('hides another county’s venues (404) and refuses writing into it', async () => {
    expect((await get(`/api/venues/${theatre}`, other)).statusCode).toBe(404);
    expect((await get(`/api/venues/${theatre}/code`, other)).statusCode).toBe(404);
    const patch = await env.app.inject({
      method: 'PATCH',
      url: `/api/venues/${theatre}`,
      headers: { cookie: other },
      payload: { version: 1, active: false },
    });
    expect(patch.statusCode).toBe(404);
    const created = await post('/api/venues', other, {
      name: '越界',
      kind: 'mall',
      jurisdictionCode: COUNTY_A,
    });
    expect(created.statusCode).toBe(403);
    expect((await get('/api/venues?q=盘山', other)).json().total).toBe(0);
  });
});

describe('HC-2 signed venue codes', () => {
  it('the code’s QR opens /check-in/<token>, verifiable offline with the published key', async () => {
    const code = (await get(`/api/venues/${theatre}/code`, admin)).json();
    expect(code.url).toMatch(new RegExp(`/check-in/${code.code}$`));
    expect(code.qrSvg).toContain('<svg');
    const published = (await env.app.inject({ method: 'GET', url: '/api/public/venue-code-key' })).json();
    expect(published.algorithm).toBe('Ed25519');
    expect(verifyVenueCode(code.code, createPublicKey(published.pem))).toBe(theatre);
    const venue = await env.app.inject({ method: 'GET', url: `/api/public/check-in/${code.code}` });
    expect(venue.json()).toMatchObject({ name: '盘山影剧院', kind: 'theatre' });
    expect(venue.json().place).toContain('盘山县');
  });

  it('refuses a forged, tampered or unknown code clearly (404), a malformed one (400)', async () => {
    const forged = signVenueCode(
      theatre,
      venueCodeKeys('another-secret-another-secret-another-secret').privateKey,
    );
    const unknown = signVenueCode('7e0e0000-0000-4000-8000-00000000ffff', keys.privateKey);
    const bytes = Buffer.from(signVenueCode(theatre, keys.privateKey), 'base64url');
    bytes[5] = (bytes[5] ?? 0) ^ 0xff;
    for (const code of [forged, unknown, bytes.toString('base64url')]) {
      expect((await env.app.inject({ method: 'GET', url: `/api/public/check-in/${code}` })).statusCode).toBe(
        404,
      );
      const response = await checkIn(code, visitor(1));
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found', detail_zh: expect.any(String) });
    }
    expect((await checkIn('abc', visitor(1))).statusCode).toBe(400);
    expect(await mine()).toBe(0);
  });
});

describe('HC-2 public check-in: a claim, not an act', () => {
  it('answers 登记成功 with the venue and time only, the same for a known person and a stranger', async () => {
    const code = signVenueCode(theatre, keys.privateKey);
    const persons = await count('SELECT count(*)::int AS n FROM persons');
    const identities = await count('SELECT count(*)::int AS n FROM check_in_identities');
    const known = await checkIn(code, {
      name: PERSON_A.name,
      idNumber: PERSON_A.idNumber,
      phone: PERSON_A.phone,
    });
    const stranger = await checkIn(code, visitor(2));
    expect(known.statusCode).toBe(201);
    expect(Object.keys(known.json()).sort()).toEqual(['at', 'message', 'venueName']);
    expect(Object.keys(stranger.json()).sort()).toEqual(Object.keys(known.json()).sort());
    expect(known.json().message.zh).toBe('登记成功');
    expect(known.json().venueName).toBe('盘山影剧院');
    expect(await count('SELECT count(*)::int AS n FROM persons')).toBe(persons);
    expect(await mine()).toBe(2);
    expect(await count('SELECT count(*)::int AS n FROM check_in_identities')).toBeLessThanOrEqual(
      identities + 2,
    );
    // A second tap in the same second is the same check-in.
    await checkIn(code, visitor(2));
    expect(await mine()).toBe(2);
  });

  it('checks the ID number’s check digit and the phone', async () => {
    const code = signVenueCode(theatre, keys.privateKey);
    const bad = await checkIn(code, { name: '张三', idNumber: '211122199001010010', phone: '123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      'idNumber:id_checksum',
      'phone:phone_format',
    ]);
  });

  it('refuses a deactivated venue’s code', async () => {
    const venue = (
      await post('/api/venues', admin, {
        name: '停业网吧',
        kind: 'internet_cafe',
        jurisdictionCode: COUNTY_A,
      })
    ).json();
    await env.app.inject({
      method: 'PATCH',
      url: `/api/venues/${venue.id}`,
      headers: { cookie: admin },
      payload: { version: 1, active: false },
    });
    expect((await checkIn(signVenueCode(venue.id, keys.privateKey), visitor(3))).statusCode).toBe(404);
  });

  it('asks one address for a challenge past half its limit (428), then limits it (429)', async () => {
    const code = signVenueCode(mall, keys.privateKey);
    const address = '10.66.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await checkIn(code, { name: '' }, { ip: address, solve: false })).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses[30]).toBe(428);
    const statuses2: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses2.push((await checkIn(code, { name: '' }, { ip: address })).statusCode);
    expect(statuses2.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses2[30]).toBe(429);
  });
});

describe('HC-2 check-in feeds', () => {
  const row = (n: number, change: object = {}) => ({
    venueId: theatre,
    at: '2026-11-24 09:00',
    ...visitor(100 + n),
    ...change,
  });

  it('reports every bad row with line, field and reason, commits the rest, and a re-send changes nothing', async () => {
    const rows = [
      row(1),
      row(2, {
        venueId: undefined,
        venueCode: `https://fk.example/check-in/${signVenueCode(mall, keys.privateKey)}`,
      }),
      row(3, { idNumber: '211122199001010010' }),
      row(4, { at: '2026-10-01 09:00' }),
      row(5, { at: '2026-11-30 09:00' }),
      row(6, { venueId: '7e0e0000-0000-4000-8000-00000000ffff' }),
      row(7, { venueCode: 'forged', venueId: undefined }),
      row(8, { at: 'yesterday' }),
    ];
    const first = (await post('/api/venues/check-ins/feed', admin, { rows })).json();
    expect(first).toMatchObject({ received: 8, accepted: 2, inserted: 2, rejected: 6 });
    expect(
      first.errors.map(
        (e: { line: number; field: string; code: string }) => `${e.line}:${e.field}:${e.code}`,
      ),
    ).toEqual([
      '3:idNumber:id_checksum',
      '4:at:check_in_too_old',
      '5:at:in_future',
      '6:venue:venue_unknown',
      '7:venueCode:venue_code_invalid',
      '8:at:datetime_format',
    ]);
    expect(first.errors[1].message_zh).toContain('登记时间');
    const again = (await post('/api/venues/check-ins/feed', admin, { rows })).json();
    expect(again).toMatchObject({ accepted: 2, inserted: 0 });
    expect(await mine("source = 'feed'")).toBe(2);
  });

  it('refuses another county’s venue as unknown, row by row', async () => {
    const response = (await post('/api/venues/check-ins/feed', other, { rows: [row(9)] })).json();
    expect(response.errors[0]).toMatchObject({ line: 1, field: 'venue', code: 'venue_unknown' });
  });

  it('takes a .csv sheet with Chinese headers', async () => {
    const csv = `场所编号,登记时间,姓名,证件号码,手机号\n${theatre},2026-11-24 08:00,${visitor(20).name},${visitor(20).idNumber},13500135000\n${theatre},2026-11-24 08:00,,${visitor(21).idNumber},\n`;
    const file = multipartFile('file', 'feed.csv', csv);
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/venues/check-ins/import',
      headers: { cookie: admin, ...file.headers },
      payload: file.payload,
    });
    expect(response.json()).toMatchObject({ received: 2, accepted: 1, inserted: 1, rejected: 1 });
    expect(response.json().errors[0]).toMatchObject({ line: 3, field: 'name', code: 'required' });
  });
});

describe('HC-2 / ZON-4 supervisor’s view', () => {
  it('flags a venue with no scans and one over its ZON-4 limit by peak hour', async () => {
    env.setNow(new Date('2026-11-24T03:00:00Z'));
    const rows = Array.from({ length: 16 }, (_, n) => ({
      venueId: theatre,
      at: '2026-11-24 10:30',
      ...visitor(300 + n),
    }));
    await post('/api/venues/check-ins/feed', admin, { rows });
    env.setNow(new Date('2026-11-26T03:00:00Z'));
    await post('/api/venues/check-ins/feed', await signInAs(env.app, 'a_admin'), {
      rows: [{ venueId: theatre, at: '2026-11-26 10:00', ...visitor(400) }],
    });
    env.setNow(new Date('2026-11-24T03:30:00Z'));
    const response = await get(`/api/venues/supervision?jurisdiction=${COUNTY_A}`, admin);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    const byName = Object.fromEntries(
      view.items.map((i: { name: string; flags: string[] }) => [i.name, i.flags]),
    );
    expect(byName['盘山影剧院']).toEqual(['over_capacity']);
    expect(byName['盘山百货']).toBeUndefined();
    env.setNow(new Date('2026-11-27T01:00:00Z'));
    const later = (
      await get('/api/venues/supervision?flag=missing', await signInAs(env.app, 'a_admin'))
    ).json();
    expect(later.items.map((i: { name: string }) => i.name)).toEqual(['盘山百货']);
    expect(later.counts.missing).toBe(1);
  });
});

describe('HC-2 retention (privacy)', () => {
  it('drops day partitions older than retention and creates tomorrow’s', async () => {
    expect(
      await count("SELECT count(*)::int AS n FROM check_ins WHERE checked_in_at < '2026-11-25'"),
    ).toBeGreaterThan(0);
    env.setNow(new Date('2026-12-22T03:00:00Z'));
    const dropped = await sweepCheckIns(env.ctx);
    expect(dropped).toContain('2026-11-24');
    expect(await count("SELECT count(*)::int AS n FROM check_ins WHERE checked_in_at < '2026-11-25'")).toBe(
      0,
    );
    expect(await count('SELECT count(*)::int AS n FROM check_ins')).toBe(1);
    const days = await partitionDays(env.db, 'check_ins');
    expect(days[0]! >= '2026-11-25').toBe(true);
    expect(days).toContain('2026-12-23');
    env.setNow(NOW);
  });
});
