import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { PERSON_A, PERSON_B, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let community: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  community = await signInAs(env.app, 'a_community');
});
afterAll(() => env.close());

const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });

describe('persons registry', () => {
  it('registers a person, derives sex and birth date from the ID number, and shows identifiers masked', async () => {
    const idNumber = withCheckDigit('21112219921212002');
    const response = await post('/api/persons', community, {
      name: '周八',
      idNumber,
      phone: '138 0000 1234',
      jurisdictionCode: `${VILLAGE_A}`,
      keyGroups: ['courier'],
    });
    expect(response.statusCode).toBe(201);
    const person = response.json();
    expect(person).toMatchObject({
      name: '周八',
      sex: 'female',
      birthDate: '1992-12-12',
      idNumberMasked: `211122********${idNumber.slice(-4)}`,
      phoneMasked: '138****1234',
      keyGroups: ['courier'],
      version: 1,
    });
    expect(response.body).not.toContain(idNumber);
    expect(response.body).not.toContain('13800001234');
  });

  it('finds a person by exact ID number and by phone, within scope only', async () => {
    const byId = await get(`/api/persons?idNumber=${PERSON_A.idNumber}`, admin);
    expect(byId.json().items.map((p: { id: string }) => p.id)).toEqual([env.world.personA.id]);
    const byPhone = await get(`/api/persons?phone=${PERSON_A.phone}`, admin);
    expect(byPhone.json().items.map((p: { id: string }) => p.id)).toEqual([env.world.personA.id]);
    const otherCounty = await get(`/api/persons?idNumber=${PERSON_B.idNumber}`, admin);
    expect(otherCounty.json()).toMatchObject({ items: [], total: 0 });
  });

  it('searches by name prefix and filters by key group', async () => {
    const byName = await get(`/api/persons?q=${encodeURIComponent('欧阳')}`, admin);
    expect(byName.json().items.map((p: { name: string }) => p.name)).toEqual(['欧阳明远']);
    const couriers = await get('/api/persons?keyGroup=courier', admin);
    expect(couriers.json().items.every((p: { keyGroups: string[] }) => p.keyGroups.includes('courier'))).toBe(
      true,
    );
    expect(couriers.json().total).toBeGreaterThan(0);
  });

  it('refuses a second person with the same ID number, linking to the first', async () => {
    const response = await post('/api/persons', admin, { ...PERSON_A, name: '欧阳明远二' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'person_exists',
      existingId: env.world.personA.id,
      existing: `/api/persons/${env.world.personA.id}`,
      errors: [{ field: 'idNumber', code: 'id_duplicate' }],
    });
  });

  it('refuses a sex or birth date that contradicts the ID number', async () => {
    const response = await post('/api/persons', admin, {
      name: '吴九',
      idNumber: withCheckDigit('21112219850505001'),
      sex: 'female',
      birthDate: '1985-05-06',
      jurisdictionCode: VILLAGE_A,
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { code: string }) => e.code)
        .sort(),
    ).toEqual(['birth_date_mismatch', 'sex_mismatch']);
  });

  it('a community worker cannot register a person outside their community (CMD-1)', async () => {
    const response = await post('/api/persons', community, {
      name: '郑十',
      idNumber: withCheckDigit('21112219700101005'),
      jurisdictionCode: '211122100',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().errors[0]).toMatchObject({
      field: 'jurisdictionCode',
      code: 'jurisdiction_out_of_scope',
    });
  });

  it('edits with optimistic concurrency and audits before/after masked', async () => {
    const current = (await get(`/api/persons/${env.world.personA.id}`, admin)).json();
    const body = { ...PERSON_A, address: '兴盛路1号', version: current.version };
    const first = await env.app.inject({
      method: 'PUT',
      url: `/api/persons/${env.world.personA.id}`,
      headers: { cookie: admin },
      payload: body,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ address: '兴盛路1号', version: current.version + 1 });
    const stale = await env.app.inject({
      method: 'PUT',
      url: `/api/persons/${env.world.personA.id}`,
      headers: { cookie: admin },
      payload: body,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    const audit = await get(`/api/audit?entity=person&entityId=${env.world.personA.id}&action=update`, admin);
    const entry = audit.json().items[0];
    expect(entry.before.address).toBeNull();
    expect(entry.after.address).toBe('兴盛路1号');
    expect(JSON.stringify(entry)).not.toContain(PERSON_A.idNumber);
    expect(JSON.stringify(entry)).not.toContain(PERSON_A.phone);
  });

  it('unmasks only with permission and a reason, and audits each unmasking', async () => {
    const response = await post(`/api/persons/${env.world.personA.id}/unmask`, admin, {
      reason: '流调核实身份',
    });
    expect(response.json()).toEqual({ idNumber: PERSON_A.idNumber, phone: PERSON_A.phone });
    const audit = await get(`/api/audit?action=unmask&entityId=${env.world.personA.id}`, admin);
    expect(audit.json().items[0]).toMatchObject({
      actorName: 'a_admin (a_admin)',
      detail: { reason: '流调核实身份' },
    });

    const { users } = env.world;
    expect(users.a_admin!.permissions.has('person.unmask')).toBe(true);
    await env.db.query(`UPDATE users SET roles = '{lab}' WHERE username = 'a_community'`);
    const lab = await signInAs(env.app, 'a_community');
    const refused = await post(`/api/persons/${env.world.personA.id}/unmask`, lab, { reason: '查看' });
    expect(refused.statusCode).toBe(403);
    await env.db.query(`UPDATE users SET roles = '{community_worker}' WHERE username = 'a_community'`);
  });

  it('answers 404 for a person outside scope and for an unknown one', async () => {
    expect((await get(`/api/persons/${env.world.personB.id}`, admin)).statusCode).toBe(404);
    expect((await get('/api/persons/00000000-0000-4000-8000-000000000000', admin)).statusCode).toBe(404);
  });
});

describe('editing without unmasking', () => {
  it('keeps the stored ID number and phone when they are omitted, and clears the phone on null', async () => {
    const created = await post('/api/persons', admin, {
      name: '钱十一',
      idNumber: withCheckDigit('21112219880808003'),
      phone: '13700001111',
      jurisdictionCode: VILLAGE_A,
    });
    const person = created.json();
    const put = (payload: object) =>
      env.app.inject({
        method: 'PUT',
        url: `/api/persons/${person.id}`,
        headers: { cookie: admin },
        payload,
      });
    const kept = await put({ name: '钱十一', jurisdictionCode: VILLAGE_A, address: '新地址', version: 1 });
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({
      idNumberMasked: person.idNumberMasked,
      phoneMasked: '137****1111',
      birthDate: '1988-08-08',
      address: '新地址',
    });
    const unmasked = await post(`/api/persons/${person.id}/unmask`, admin, { reason: '核对联系电话' });
    expect(unmasked.json().phone).toBe('13700001111');
    const cleared = await put({ name: '钱十一', jurisdictionCode: VILLAGE_A, phone: null, version: 2 });
    expect(cleared.json().phoneMasked).toBeNull();
  });
});
