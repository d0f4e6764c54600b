import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { PERSON_A, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * CMD-1 and DESIGN "Safe by default": registering a person or an arrival with an ID number another
 * subtree holds answers exactly as for an unknown number (today: 409 with a link, then 404), and
 * the holding jurisdiction alone sees a hand-over request it accepts or declines.
 */
const VILLAGE_B = '150402001001';
const COUNTY_B = '150402';
let env: Awaited<ReturnType<typeof openWorldApp>>;
let adminA: string;
let adminB: string;

beforeAll(async () => {
  env = await openWorldApp();
  adminA = await signInAs(env.app, 'a_admin');
  adminB = await signInAs(env.app, 'b_admin');
});
afterAll(() => env.close());

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });

/** A response reduced to what tells a known number from an unknown one: status and shape. */
function shape(response: { statusCode: number; json: () => unknown }) {
  const body = response.json() as Record<string, unknown>;
  return { status: response.statusCode, keys: Object.keys(body).sort() };
}

describe('a number held by another subtree is never revealed', () => {
  it('registers a person with it exactly as with an unknown number, and files a hand-over', async () => {
    const held = await post('/api/persons', adminB, {
      name: '欧阳明远',
      idNumber: PERSON_A.idNumber,
      jurisdictionCode: VILLAGE_B,
    });
    const unknown = await post('/api/persons', adminB, {
      name: '新来人员',
      idNumber: withCheckDigit('15040219850505002'),
      jurisdictionCode: VILLAGE_B,
    });
    expect(shape(held)).toEqual(shape(unknown));
    expect(held.statusCode).toBe(201);
    expect(held.body).not.toContain(env.world.personA.id);
    const id = held.json().id as string;
    expect((await get(`/api/persons/${id}`, adminB)).statusCode).toBe(200);
    // B's exact search finds B's own record, never A's.
    const found = await get(`/api/persons?idNumber=${PERSON_A.idNumber}`, adminB);
    expect(found.json().items.map((p: { id: string }) => p.id)).toEqual([id]);
    // B sees no hand-over; A sees it, naming its own person and B's jurisdiction.
    expect((await get('/api/persons/handovers', adminB)).json().items).toEqual([]);
    const pending = (await get('/api/persons/handovers', adminA)).json().items as Array<
      Record<string, unknown>
    >;
    expect(pending).toContainEqual(
      expect.objectContaining({
        personId: env.world.personA.id,
        requestedCode: VILLAGE_B,
        state: 'pending',
        requestedByName: expect.stringContaining('b_admin'),
      }),
    );
    // B registering the same number again in its own subtree is told about its own record.
    const again = await post('/api/persons', adminB, {
      name: '欧阳明远',
      idNumber: PERSON_A.idNumber,
      jurisdictionCode: VILLAGE_B,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().existingId).toBe(id);
  });

  it('registers an arrival with it that the caller can then open (no 404)', async () => {
    const idNumber = withCheckDigit('21112219700303004');
    await post('/api/persons', adminA, {
      name: '回乡人员',
      idNumber,
      jurisdictionCode: PERSON_A.jurisdictionCode,
    });
    const arrival = await post('/api/arrivals', adminB, {
      person: { name: '回乡人员', idNumber },
      jurisdictionCode: VILLAGE_B,
      origin: 'domestic',
      originDivisionCode: '110105',
      arrivedAt: '2026-11-23T08:00:00Z',
    });
    expect(arrival.statusCode).toBe(201);
    const opened = await get(`/api/arrivals/${arrival.json().id ?? arrival.json().arrivalId}`, adminB);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).not.toContain(env.world.personA.id);
    const pending = (await get('/api/persons/handovers', adminA)).json().items as Array<
      Record<string, unknown>
    >;
    expect(pending.some((h) => h.personName === '回乡人员' && h.requestedCode === VILLAGE_B)).toBe(true);
  });

  it('moves the person to the requester on acceptance, and keeps it on a decline', async () => {
    const pending = (await get('/api/persons/handovers', adminA)).json().items as Array<{
      id: string;
      personId: string;
      personName: string;
    }>;
    const first = pending.find((h) => h.personName === '欧阳明远')!;
    const second = pending.find((h) => h.personName === '回乡人员')!;
    const declined = await post(`/api/persons/handovers/${first.id}/decision`, adminA, {
      decision: 'decline',
      note: '本人仍在本地居住',
    });
    expect(declined.json()).toMatchObject({
      state: 'declined',
      decidedByName: expect.stringContaining('a_admin'),
    });
    expect((await get(`/api/persons/${first.personId}`, adminA)).statusCode).toBe(200);

    const accepted = await post(`/api/persons/handovers/${second.id}/decision`, adminA, {
      decision: 'accept',
      note: '已迁往红山区居住',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().state).toBe('accepted');
    expect((await get(`/api/persons/${second.personId}`, adminA)).statusCode).toBe(404);
    const moved = await get(`/api/persons/${second.personId}`, adminB);
    expect(moved.json()).toMatchObject({ jurisdictionCode: VILLAGE_B, name: '回乡人员' });
    // A decision is final.
    const twice = await post(`/api/persons/handovers/${second.id}/decision`, adminA, {
      decision: 'decline',
      note: '重复操作',
    });
    expect(twice.statusCode).toBe(409);
  });
});

describe('a person has one holder at a time', () => {
  it('declines the other pending requests on acceptance, and never moves a person who has left', async () => {
    const idNumber = withCheckDigit('21112219660606006');
    const held = await post('/api/persons', adminA, {
      name: '两地登记',
      idNumber,
      jurisdictionCode: PERSON_A.jurisdictionCode,
    });
    expect(held.statusCode).toBe(201);
    const personId = held.json().id as string;
    // Two requests for the one person: county B's village, and the county itself.
    const first = await post('/api/persons', adminB, {
      name: '两地登记',
      idNumber,
      jurisdictionCode: VILLAGE_B,
    });
    expect(first.statusCode).toBe(201);
    const other = await post('/api/persons', adminB, {
      name: '县级登记',
      idNumber: withCheckDigit('15040219660606007'),
      jurisdictionCode: COUNTY_B,
    });
    await env.ctx.db.query(
      `INSERT INTO person_handovers (person_id, owner_code, requested_person_id, requested_code, requested_by_name, requested_at)
       VALUES ($1, $2, $3, $4, 'b_admin', now())`,
      [personId, PERSON_A.jurisdictionCode, other.json().id, COUNTY_B],
    );
    const requests = (await get('/api/persons/handovers', adminA)).json().items as Array<{
      id: string;
      personId: string;
      requestedCode: string;
      state: string;
    }>;
    const toVillage = requests.find((h) => h.personId === personId && h.requestedCode === VILLAGE_B)!;
    const toCounty = requests.find((h) => h.personId === personId && h.requestedCode === COUNTY_B)!;
    const decide = (id: string) =>
      post(`/api/persons/handovers/${id}/decision`, adminA, { decision: 'accept', note: '已迁往红山区居住' });

    expect((await decide(toVillage.id)).statusCode).toBe(200);
    const after = (await get('/api/persons/handovers?state=all&pageSize=100', adminA)).json().items as Array<{
      id: string;
      state: string;
    }>;
    expect(after.find((h) => h.id === toCounty.id)?.state).toBe('declined');
    // The holder cannot then give the person away again from where it now is.
    expect((await decide(toCounty.id)).statusCode).toBe(409);
    expect((await get(`/api/persons/${personId}`, adminB)).json().jurisdictionCode).toBe(VILLAGE_B);

    // A request filed while the person was still in county A, pending after it has left: refused.
    await env.ctx.db.query(
      `INSERT INTO person_handovers (person_id, owner_code, requested_person_id, requested_code, requested_by_name, requested_at)
       VALUES ($1, $2, $3, $4, 'b_admin', now())`,
      [personId, PERSON_A.jurisdictionCode, other.json().id, COUNTY_B],
    );
    const stale = (
      (await get('/api/persons/handovers', adminA)).json().items as Array<{
        id: string;
        personId: string;
        state: string;
      }>
    ).find((h) => h.personId === personId && h.state === 'pending')!;
    expect((await decide(stale.id)).statusCode).toBe(409);
    expect((await get(`/api/persons/${personId}`, adminB)).json().jurisdictionCode).toBe(VILLAGE_B);
    const still = (
      (await get('/api/persons/handovers?state=all&pageSize=100', adminA)).json().items as Array<{
        id: string;
        state: string;
      }>
    ).find((h) => h.id === stale.id);
    expect(still?.state).toBe('pending');
  });
});
