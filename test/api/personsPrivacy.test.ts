import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/platform/access/accounts.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { PASSWORD, PERSON_A, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';
import { LANDING_CLAIM_A, TRUCK_CLAIM_A } from '../support/worldClaims.js';

/**
 * DESIGN "Safe by default": exact searches by ID number or phone are audited by keyed hash and
 * limited per user, bursts alert the administrators, unmasking needs a real reason and is limited;
 * the search box takes a whole ID number or phone; a page past the end still reports the total.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let community: string;
let pharmacy: string;
let reporter: string;
let checkpoint: string;
let minute = 0;
let signedInAt = Number.NEGATIVE_INFINITY;

beforeAll(async () => {
  env = await openWorldApp();
  for (const [username, role] of [
    ['a_pharmacy', 'pharmacy'],
    ['a_reporter', 'hospital_reporter'],
    ['a_checkpoint', 'checkpoint_staff'],
  ] as const) {
    await env.ctx.db.transaction((tx) =>
      createUser(tx, undefined, {
        username,
        displayName: username,
        password: PASSWORD,
        roles: [role],
        scopes: [VILLAGE_A],
      }),
    );
  }
  await freshWindow();
});
afterAll(() => env.close());

/**
 * Each test starts in a fresh hour, so limits counted by one test never spill into the next; the
 * sessions are signed in again, since the clock moves past their lifetime over the file.
 */
async function freshWindow() {
  minute += 61;
  env.setNow(new Date(Date.UTC(2026, 10, 24, 2) + minute * 60_000));
  if (minute - signedInAt < 600) return;
  signedInAt = minute;
  admin = await signInAs(env.app, 'a_admin');
  community = await signInAs(env.app, 'a_community');
  pharmacy = await signInAs(env.app, 'a_pharmacy');
  reporter = await signInAs(env.app, 'a_reporter');
  checkpoint = await signInAs(env.app, 'a_checkpoint');
}

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });

describe('the search box takes a whole ID number or phone (item 23)', () => {
  it('finds the person by an ID number or phone typed into q', async () => {
    await freshWindow();
    const byId = await get(`/api/persons?q=${PERSON_A.idNumber}`, pharmacy);
    expect(byId.json().items.map((p: { id: string }) => p.id)).toEqual([env.world.personA.id]);
    const byPhone = await get(`/api/persons?q=${encodeURIComponent('138 0013 8000')}`, pharmacy);
    expect(byPhone.json().items.map((p: { id: string }) => p.id)).toEqual([env.world.personA.id]);
  });

  it('reports the real total on a page past the end', async () => {
    const first = await get('/api/persons?page=1&pageSize=1', admin);
    const beyond = await get('/api/persons?page=500&pageSize=1', admin);
    expect(beyond.statusCode).toBe(200);
    expect(beyond.json()).toMatchObject({ items: [], total: first.json().total, page: 500 });
    expect(first.json().total).toBeGreaterThan(0);
  });

  it('reports the real total on a routine-testing page past the end', async () => {
    await post('/api/persons', admin, {
      name: '快递员甲',
      idNumber: withCheckDigit('21112219910101003'),
      jurisdictionCode: VILLAGE_A,
      keyGroups: ['courier'],
    });
    const first = (await get('/api/routine-testing/schedule?pageSize=1', admin)).json();
    const beyond = (await get('/api/routine-testing/schedule?pageSize=1&page=500', admin)).json();
    expect(first.total).toBeGreaterThan(0);
    expect(beyond).toMatchObject({ items: [], total: first.total });
  });
});

describe('exact searches are audited and limited', () => {
  it('audits each exact search by keyed hash, never the number', async () => {
    await freshWindow();
    await get(`/api/persons?idNumber=${PERSON_A.idNumber}`, pharmacy);
    const audit = await get('/api/audit?action=exact_search&pageSize=50', admin);
    const entries = audit.json().items as Array<{ actorName: string; detail: Record<string, unknown> }>;
    const mine = entries.filter((e) => e.actorName.includes('a_pharmacy'));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]!.detail).toMatchObject({ idHash: expect.stringMatching(/^[0-9a-f]{64}$/), found: 1 });
    expect(audit.body).not.toContain(PERSON_A.idNumber);
    expect(audit.body).not.toContain(PERSON_A.phone);
  });

  it('refuses the 21st exact search in a minute (429) and alerts the administrators', async () => {
    await freshWindow();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const phone = `1390000${String(1000 + i)}`;
      statuses.push((await get(`/api/persons?phone=${phone}`, reporter)).statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    const refused = await get('/api/persons?phone=13900009999', reporter);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limited');
    expect(statuses.slice(20)).toEqual([429, 429]);
    // Name searches are not exact and stay open.
    expect((await get(`/api/persons?q=${encodeURIComponent('欧阳')}`, reporter)).statusCode).toBe(200);

    const alerts = await get('/api/persons/privacy-alerts', admin);
    const burst = (
      alerts.json().items as Array<{ id: string; userName: string; kind: string; hits: number }>
    ).filter((a) => a.userName.includes('a_reporter'));
    expect(burst).toEqual([expect.objectContaining({ kind: 'exact_search_burst', hits: 21 })]);
    const ack = await post(`/api/persons/privacy-alerts/${burst[0]!.id}/acknowledge`, admin, {
      note: '已联系本人，为批量核对名单',
    });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().acknowledgedAt).not.toBeNull();
    const again = await post(`/api/persons/privacy-alerts/${burst[0]!.id}/acknowledge`, admin, {
      note: '再次',
    });
    expect(again.statusCode).toBe(409);
    // Only administrators read the alerts.
    expect((await get('/api/persons/privacy-alerts', community)).statusCode).toBe(403);
  });

  it('counts an ID number typed into the export filter as an exact search', async () => {
    await freshWindow();
    for (let i = 0; i < 20; i++) await get(`/api/persons?idNumber=${PERSON_A.idNumber}`, admin);
    const exported = await get(`/api/persons/export.xlsx?q=${PERSON_A.idNumber}`, admin);
    expect(exported.statusCode).toBe(429);
  });
});

describe('unmasking needs a real reason and is limited', () => {
  const unmask = (reason: string) =>
    post(`/api/persons/${env.world.personA.id}/unmask`, community, { reason });

  it.each(['    ', '核实', 'aaaa', '12345678', '工作需要'])('refuses the reason %j', async (reason) => {
    await freshWindow();
    const response = await unmask(reason);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
  });

  it('refuses the 11th unmasking in ten minutes and alerts the administrators', async () => {
    await freshWindow();
    for (let i = 0; i < 10; i++) expect((await unmask('流调核实密接情况')).statusCode).toBe(200);
    const refused = await unmask('流调核实密接情况');
    expect(refused.statusCode).toBe(429);
    const alerts = await get('/api/persons/privacy-alerts', admin);
    expect(alerts.json().items).toContainEqual(
      expect.objectContaining({ kind: 'unmask_burst', userName: expect.stringContaining('a_community') }),
    );
  });
});

describe('an editor without the unmask permission cannot probe the birth date', () => {
  it('refuses a birth date sent without the ID number, whatever it is, and keeps the stored one', async () => {
    await freshWindow();
    const person = (await get(`/api/persons/${env.world.personA.id}`, reporter)).json();
    expect(person.birthDate).toBeNull();
    expect(person.ageBand).toEqual({ minAge: 36, maxAge: 46 });
    const { id, idNumberMasked, phoneMasked, jurisdictionName, createdAt, updatedAt, ageBand, ...fields } =
      person;
    for (const birthDate of ['1980-01-01', '1980-01-02']) {
      const response = await env.app.inject({
        method: 'PUT',
        url: `/api/persons/${id}`,
        headers: { cookie: reporter },
        payload: { ...fields, birthDate },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ field: 'birthDate', code: 'birth_date_needs_id_number' }),
      ]);
    }
    const kept = await env.app.inject({
      method: 'PUT',
      url: `/api/persons/${id}`,
      headers: { cookie: reporter },
      payload: { ...fields, birthDate: null, address: '兴盛路2号' },
    });
    expect(kept.statusCode).toBe(200);
    const seenByAdmin = (await get(`/api/persons/${id}`, admin)).json();
    expect(seenByAdmin).toMatchObject({ birthDate: '1980-01-01', address: '兴盛路2号' });
  });
});

describe('a person write is no ID-number oracle', () => {
  it('counts a typed ID number as an exact search for a writer who cannot unmask', async () => {
    await freshWindow();
    const register = () =>
      post('/api/persons', reporter, {
        name: '试探者',
        idNumber: PERSON_A.idNumber,
        jurisdictionCode: VILLAGE_A,
      });
    for (let i = 0; i < 20; i++) {
      const answer = await register();
      expect(answer.statusCode).toBe(409);
      expect(answer.json().existingId).toBe(env.world.personA.id);
    }
    const refused = await register();
    expect(refused.statusCode).toBe(429);
    expect(refused.body).not.toContain(env.world.personA.id);
    // An edit typing the number is counted the same way; one keeping the stored number is not.
    const other = (
      await post('/api/persons', admin, {
        name: '编辑对象',
        idNumber: withCheckDigit('21112219920202005'),
        jurisdictionCode: VILLAGE_A,
      })
    ).json();
    const put = (payload: object) =>
      env.app.inject({
        method: 'PUT',
        url: `/api/persons/${other.id}`,
        headers: { cookie: reporter },
        payload,
      });
    const base = { name: other.name, jurisdictionCode: VILLAGE_A, version: other.version };
    expect((await put({ ...base, idNumber: PERSON_A.idNumber })).statusCode).toBe(429);
    expect((await put({ ...base, address: '兴盛路5号' })).statusCode).toBe(200);
    // Each hit is in the audit log by keyed hash, never the number.
    const audit = await get('/api/audit?action=exact_search&pageSize=100', admin);
    const mine = (audit.json().items as Array<{ actorName: string; detail: Record<string, unknown> }>).filter(
      (e) => e.actorName.includes('a_reporter') && e.detail.found === 1,
    );
    expect(mine.length).toBeGreaterThanOrEqual(20);
    expect(audit.body).not.toContain(PERSON_A.idNumber);
  });

  it('leaves a writer who may unmask unlimited', async () => {
    await freshWindow();
    for (let i = 0; i < 21; i++) {
      const answer = await post('/api/persons', community, {
        name: '重复登记',
        idNumber: PERSON_A.idNumber,
        jurisdictionCode: VILLAGE_A,
      });
      expect(answer.statusCode).toBe(409);
    }
  });
});

describe('candidate lists of reports are no ID or phone oracle', () => {
  it('counts each read of a landing report’s candidates as an exact search without unmask', async () => {
    await freshWindow();
    const read = () => get(`/api/landing/reports/${LANDING_CLAIM_A}/candidates`, checkpoint);
    for (let i = 0; i < 20; i++) expect((await read()).statusCode).toBe(200);
    const refused = await read();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limited');
    const audit = await get('/api/audit?action=exact_search&pageSize=100', admin);
    const mine = (audit.json().items as Array<{ actorName: string; detail: Record<string, unknown> }>).filter(
      (e) => e.actorName.includes('a_checkpoint'),
    );
    expect(mine[0]!.detail).toMatchObject({
      idHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      phoneHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(mine.some((e) => e.detail.refused === true)).toBe(true);
  });

  it('counts "register new" on a landing verification as an exact search without unmask', async () => {
    await freshWindow();
    // Refused while a person holds the claim's number here: the answer tells whether a guess is right.
    const verify = () =>
      post(`/api/landing/reports/${LANDING_CLAIM_A}/verify`, checkpoint, {
        verification: 'found',
        registerNew: true,
      });
    for (let i = 0; i < 20; i++) expect((await verify()).statusCode).not.toBe(429);
    expect((await verify()).statusCode).toBe(429);
  });

  it('counts "register anew" of a truck stay-over as an exact search per crew member without unmask', async () => {
    await freshWindow();
    const stay = () =>
      post(`/api/trucks/reports/${TRUCK_CLAIM_A}/stay`, checkpoint, {
        reason: '车辆故障',
        lastDate: '2026-11-25',
        crew: [{ position: 1, personId: null }],
      });
    const answers: number[] = [];
    for (let i = 0; i < 21; i++) answers.push((await stay()).statusCode);
    expect(answers).toContain(429);
  });

  it('counts each crew member of a truck report’s candidates as an exact search without unmask', async () => {
    await freshWindow();
    const read = () => get(`/api/trucks/reports/${TRUCK_CLAIM_A}/candidates`, checkpoint);
    for (let i = 0; i < 20; i++) expect((await read()).statusCode).toBe(200);
    expect((await read()).statusCode).toBe(429);
    // A caller who may unmask reads them freely.
    for (let i = 0; i < 21; i++)
      expect((await get(`/api/trucks/reports/${TRUCK_CLAIM_A}/candidates`, community)).statusCode).toBe(200);
  });
});

describe('unmasking a truck crew member needs a real reason and is limited', () => {
  const unmask = (reason: string) =>
    post(`/api/trucks/reports/${TRUCK_CLAIM_A}/crew/1/unmask`, community, { reason });

  it.each(['    ', '核实', 'aaaa', '工作需要'])('refuses the reason %j', async (reason) => {
    await freshWindow();
    const response = await unmask(reason);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
  });

  it('shares the persons’ unmask limit: the 11th in ten minutes is refused', async () => {
    await freshWindow();
    for (let i = 0; i < 5; i++)
      expect(
        (await post(`/api/persons/${env.world.personA.id}/unmask`, community, { reason: '流调核实密接情况' }))
          .statusCode,
      ).toBe(200);
    for (let i = 0; i < 5; i++) expect((await unmask('联系司机确认到达时间')).statusCode).toBe(200);
    expect((await unmask('联系司机确认到达时间')).statusCode).toBe(429);
  });
});
