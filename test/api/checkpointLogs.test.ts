import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passesOf } from '../../src/modules/checkpoints/index.js';
import { withScope } from '../../src/platform/access/scope.js';
import { idHash } from '../../src/platform/pii/seal.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { COUNTY_A, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * HC-3 (004 §3 “一律查验大数据行程卡和 48 小时核酸检测阴性证明”): each pass logs the direction (进/出),
 * the code colour and the proofs shown — a NAT proof within the checkpoint's N hours (default 48)
 * and the itinerary card with its places; the log filters by direction, colour and a missing proof;
 * passes logged before these fields read as unrecorded. passesOf feeds a case's timeline (EPI-1).
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let other: string;
let checkpoint: string;
const NOW = new Date('2026-11-24T02:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const ID = withCheckDigit('21112219900202001');

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  other = await signInAs(env.app, 'b_admin');
  const created = await send('POST', '/api/checkpoints', admin, {
    name: '沙岭检查站',
    kind: 'highway',
    jurisdictionCode: COUNTY_A,
  });
  checkpoint = created.json().id;
});
afterAll(() => env.close());

function send(method: 'POST' | 'PATCH', url: string, cookie: string, payload: object) {
  return env.app.inject({ method, url, headers: { cookie }, payload });
}
const get = (url: string, cookie = admin) => env.app.inject({ method: 'GET', url, headers: { cookie } });
let serial = 300;
const log = (change: object) =>
  send('POST', `/api/checkpoints/${checkpoint}/passes`, admin, {
    name: '孙旅客',
    idNumber: withCheckDigit(`21112219850101${serial++}`),
    healthCode: 'green',
    temperature: 36.5,
    origin: 'domestic',
    originDivisionCode: '211103',
    destinationCode: VILLAGE_A,
    ...change,
  });

describe('HC-3 checkpoint logs', () => {
  it('HC-3: the checkpoint’s NAT window defaults to 48 h and can be set', async () => {
    expect((await get(`/api/checkpoints/${checkpoint}`)).json()).toMatchObject({
      natWithinHours: 48,
      natWithinHoursSet: false,
    });
    const set = await send('PATCH', `/api/checkpoints/${checkpoint}`, admin, { natWithinHours: 24 });
    expect(set.json()).toMatchObject({ natWithinHours: 24, natWithinHoursSet: true });
    expect(
      (await send('PATCH', `/api/checkpoints/${checkpoint}`, other, { natWithinHours: 12 })).statusCode,
    ).toBe(404);
    expect(
      (await send('PATCH', `/api/checkpoints/${checkpoint}`, admin, { natWithinHours: 0 })).statusCode,
    ).toBe(400);
  });

  it.each([
    [
      'a proof sampled 20 h before, window 24 h',
      { natAt: hoursAgo(20), itineraryShown: true },
      'valid',
      false,
    ],
    [
      'a proof sampled 30 h before, window 24 h',
      { natAt: hoursAgo(30), itineraryShown: true },
      'expired',
      true,
    ],
    ['no proof', { itineraryShown: true }, 'missing', true],
    ['a valid proof, itinerary not shown', { natAt: hoursAgo(2), itineraryShown: false }, 'valid', true],
  ] as const)('HC-3: %s → NAT %s, missing proof %s', async (_what, change, natProof, missingProof) => {
    const logged = await log({ direction: 'in', ...change });
    expect(logged.statusCode).toBe(201);
    expect(logged.json().pass).toMatchObject({ direction: 'in', natWithinHours: 24, natProof, missingProof });
  });

  it('HC-3: records direction, colour and the itinerary card’s places', async () => {
    const logged = await log({
      idNumber: ID,
      direction: 'out',
      healthCode: 'yellow',
      natAt: hoursAgo(5),
      itineraryPlaces: ['辽宁省盘锦市', '辽宁省沈阳市', '辽宁省盘锦市'],
    });
    expect(logged.json().pass).toMatchObject({
      direction: 'out',
      healthCode: 'yellow',
      itineraryShown: true,
      itineraryPlaces: ['辽宁省盘锦市', '辽宁省沈阳市'],
      natProof: 'valid',
    });
  });

  it('HC-3: passes logged before directions and proofs read as unrecorded', async () => {
    await env.db.query(
      `INSERT INTO checkpoint_passes (checkpoint_id, jurisdiction_code, passed_at, person_name, id_cipher, id_hash,
         id_masked, health_code, temperature, origin, nat_at, destination_code, outcome)
       VALUES ($1, $2, $3, '旧记录', '\\x00', '\\x00', '2111**********0000', 'green', 36.4, 'domestic', $4, $5, 'pass')`,
      [checkpoint, COUNTY_A, hoursAgo(1), hoursAgo(40), VILLAGE_A],
    );
    const day = (await get(`/api/checkpoints/${checkpoint}/passes?direction=unrecorded`)).json();
    expect(day.items).toHaveLength(1);
    // The default window (48 h) applies to a pass that stored none.
    expect(day.items[0]).toMatchObject({
      personName: '旧记录',
      direction: null,
      natWithinHours: null,
      natProof: 'valid',
      itineraryShown: null,
      itineraryPlaces: [],
      missingProof: false,
    });
  });

  it('HC-3: the log filters by direction, code colour and missing proof, with counts', async () => {
    const all = (await get(`/api/checkpoints/${checkpoint}/passes`)).json();
    expect(all.counts).toMatchObject({ total: 6, directionIn: 4, directionOut: 1, missingProof: 3 });
    const inbound = (await get(`/api/checkpoints/${checkpoint}/passes?direction=in`)).json();
    expect([inbound.total, inbound.items.length]).toEqual([4, 4]);
    const yellow = (await get(`/api/checkpoints/${checkpoint}/passes?healthCode=yellow`)).json();
    expect(yellow.items.map((p: { direction: string }) => p.direction)).toEqual(['out']);
    const missing = (await get(`/api/checkpoints/${checkpoint}/passes?missingProof=true`)).json();
    expect(missing.total).toBe(3);
    expect(missing.items.every((p: { missingProof: boolean }) => p.missingProof)).toBe(true);
    const both = (await get(`/api/checkpoints/${checkpoint}/passes?direction=in&missingProof=false`)).json();
    expect(both.total).toBe(1);
    expect((await get(`/api/checkpoints/${checkpoint}/passes?direction=sideways`)).statusCode).toBe(400);
  });

  it('HC-3 feeds the timeline: passesOf finds a person’s passes in scope, oldest first', async () => {
    const { users } = env.world;
    const hash = idHash(env.ctx.cipher, ID);
    const from = new Date(NOW.getTime() - 86_400_000);
    const to = new Date(NOW.getTime() + 60_000);
    const mine = await withScope(env.ctx.db, users.a_admin!, (tx) => passesOf(tx, hash, from, to));
    expect(mine.map((p) => [p.checkpointName, p.direction, p.healthCode])).toEqual([
      ['沙岭检查站', 'out', 'yellow'],
    ]);
    expect(mine[0]!.at).toBeInstanceOf(Date);
    const theirs = await withScope(env.ctx.db, users.b_admin!, (tx) => passesOf(tx, hash, from, to));
    expect(theirs).toEqual([]);
  });
});
