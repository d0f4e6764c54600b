import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { COUNTY_A, PERSON_A, PERSON_B, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let adminB: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  adminB = await signInAs(env.app, 'b_admin');
});
afterAll(() => env.close());

const get = (url: string, cookie = admin) => env.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, payload?: object, cookie = admin) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

let serial = 0;
/** A fresh valid resident ID number of county A (GB 11643 check digit computed). */
const newId = () => withCheckDigit(`21112219900101${String(100 + serial++).padStart(3, '0')}`);

const sample = (overrides: Record<string, unknown>) => ({
  siteId: env.world.testingA.siteId,
  tableNo: 1,
  purpose: 'other',
  campaignId: null,
  poolSize: 10,
  ...overrides,
});
const fieldCodes = (body: { errors?: Array<{ field: string; code: string }> }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

describe('TST-1 pooled sampling at a table', () => {
  it('fills a 10-in-1 tube to 10, seals it by itself and refuses an 11th person', async () => {
    const barcode = 'POOL-A-000010';
    const members: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const idNumber = newId();
      const response = await post(
        '/api/sampling/samples',
        sample({
          tubeBarcode: barcode,
          idNumber,
          name: `采样${i}`,
          purpose: 'campaign',
          campaignId: env.world.testingA.campaignId,
        }),
      );
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json();
      expect(body.tube).toMatchObject({
        barcode,
        capacity: 10,
        memberCount: i + 1,
        full: i === 9,
        sealed: i === 9,
      });
      expect(body.person.idNumberMasked).toBe(`211122********${idNumber.slice(-4)}`);
      expect(response.body).not.toContain(idNumber);
      members.push(body.person.id);
    }
    const eleventh = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: barcode, idNumber: PERSON_A.idNumber }),
    );
    expect(eleventh.statusCode).toBe(409);
    expect(fieldCodes(eleventh.json())).toEqual(['tubeBarcode:tube_full']);
    expect(eleventh.json().detail_zh).toBeTruthy();

    const tube = (await get(`/api/sampling/tubes/${barcode.toLowerCase()}`)).json();
    expect(tube).toMatchObject({
      barcode,
      capacity: 10,
      memberCount: 10,
      full: true,
      sealed: true,
      category: 'general',
    });
    expect(tube.members.map((m: { personId: string }) => m.personId).sort()).toEqual(members.sort());
    expect(tube.dueAt).toBe('2026-11-24T14:00:00Z'); // TST-2 general: 12 h after the first sample
  });

  it('creates a person from an unknown ID number in the site’s jurisdiction, and asks for a name first', async () => {
    const idNumber = newId();
    const noName = await post('/api/sampling/samples', sample({ tubeBarcode: 'NEW-A-000001', idNumber }));
    expect(noName.statusCode).toBe(400);
    expect(fieldCodes(noName.json())).toEqual(['name:person_new_name_required']);
    const response = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: 'NEW-A-000001', idNumber, name: '新来人员' }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const person = (await get(`/api/persons/${response.json().person.id}`)).json();
    expect(person).toMatchObject({ name: '新来人员', jurisdictionCode: COUNTY_A });
    const audit = (await get(`/api/audit?entityId=${response.json().sample.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['sample.register']);
  });

  it('refuses bad input with field errors in Chinese and English', async () => {
    const response = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: 'AB 12', idNumber: '211122198001010018', purpose: 'resample' }),
    );
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response.json()).sort()).toEqual([
      'idNumber:id_checksum',
      'poolSize:resample_individual',
      'tubeBarcode:too_short',
    ]);
    expect(response.json().errors[0].message_zh).toBeTruthy();
    const table = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: 'TABLE-A-009', idNumber: PERSON_A.idNumber, tableNo: 4 }),
    );
    expect(fieldCodes(table.json())).toEqual(['tableNo:table_unknown']);
  });

  it('refuses the same person twice in a tube, and a pool size other than the open tube’s', async () => {
    const first = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: 'TWICE-A-001', idNumber: PERSON_A.idNumber }),
    );
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: 'twice-a-001 ', idNumber: PERSON_A.idNumber }),
    );
    expect(again.statusCode).toBe(409);
    expect(fieldCodes(again.json())).toEqual(['idNumber:person_in_tube']);
    const size = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: 'TWICE-A-001', idNumber: newId(), name: '甲', poolSize: 5 }),
    );
    expect(size.statusCode).toBe(409);
    expect(fieldCodes(size.json())).toEqual(['poolSize:capacity_mismatch']);
    expect((await get('/api/sampling/tubes/TWICE-A-001')).json().memberCount).toBe(1);
  });

  it('samples a person once per campaign; a re-sample is taken outside it', async () => {
    const campaign = { purpose: 'campaign', campaignId: env.world.testingA.campaignId };
    const idNumber = newId();
    const first = await post(
      '/api/sampling/samples',
      sample({ ...campaign, tubeBarcode: 'ONCE-A-0001', idNumber, name: '己' }),
    );
    expect(first.statusCode, first.body).toBe(201);
    const second = await post(
      '/api/sampling/samples',
      sample({ ...campaign, tubeBarcode: 'ONCE-A-0002', idNumber }),
    );
    expect(second.statusCode).toBe(409);
    expect(fieldCodes(second.json())).toEqual(['idNumber:sampled_in_campaign']);
    const resample = await post(
      '/api/sampling/samples',
      sample({ ...campaign, purpose: 'resample', poolSize: 1, tubeBarcode: 'ONCE-A-0003', idNumber }),
    );
    expect(fieldCodes(resample.json())).toEqual(['campaignId:resample_outside_campaign']);
  });

  it('TST-1 samples a person under control after a positive pool alone, never into a pool', async () => {
    const idNumber = newId();
    const first = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: 'CTRL-A-0001', idNumber, name: '控' }),
    );
    expect(first.statusCode, first.body).toBe(201);
    const personId = first.json().sample.personId;
    await post('/api/lab-results', {
      labId: env.world.testingA.labId,
      results: [{ barcode: 'CTRL-A-0001', result: 'positive' }],
    });
    const pooled = await post('/api/sampling/samples', sample({ tubeBarcode: 'CTRL-A-0002', personId }));
    expect(pooled.statusCode).toBe(409);
    expect(fieldCodes(pooled.json())).toEqual(['personId:under_control_individual']);
    const alone = await post(
      '/api/sampling/samples',
      sample({ purpose: 'resample', poolSize: 1, tubeBarcode: 'CTRL-A-0003', personId }),
    );
    expect(alone.statusCode, alone.body).toBe(201);
  });

  it('seals a partial pool on request, then refuses more samples and a second seal', async () => {
    const first = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: 'LAST-A-0001', idNumber: PERSON_A.idNumber }),
    );
    expect(first.statusCode, first.body).toBe(201);
    const sealed = await post('/api/sampling/tubes/LAST-A-0001/seal');
    expect(sealed.statusCode, sealed.body).toBe(200);
    expect(sealed.json()).toMatchObject({ memberCount: 1, sealed: true, full: false });
    const more = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: 'LAST-A-0001', idNumber: newId(), name: '乙' }),
    );
    expect(fieldCodes(more.json())).toEqual(['tubeBarcode:tube_sealed']);
    const twice = await post('/api/sampling/tubes/LAST-A-0001/seal');
    expect(twice.statusCode).toBe(409);
  });

  it('refuses a resulted tube and a barcode used at another site, even one the caller cannot see', async () => {
    await post('/api/sampling/samples', sample({ tubeBarcode: 'DONE-A-0001', idNumber: PERSON_A.idNumber }));
    await env.db.query(
      "UPDATE tubes SET sealed_at = now(), result = 'negative', resulted_at = now() WHERE barcode = 'DONE-A-0001'",
    );
    const resulted = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: 'DONE-A-0001', idNumber: newId(), name: '丙' }),
    );
    expect(fieldCodes(resulted.json())).toEqual(['tubeBarcode:tube_resulted']);

    const inB = await post(
      '/api/sampling/samples',
      {
        siteId: env.world.testingB.siteId,
        tableNo: 1,
        tubeBarcode: 'SHARED-000001',
        idNumber: PERSON_B.idNumber,
        purpose: 'other',
      },
      adminB,
    );
    expect(inB.statusCode, inB.body).toBe(201);
    const reused = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: 'SHARED-000001', idNumber: PERSON_A.idNumber }),
    );
    expect(reused.statusCode).toBe(409);
    expect(fieldCodes(reused.json())).toEqual(['tubeBarcode:barcode_taken']);
    expect(reused.body).not.toContain(PERSON_B.name);

    const other = await post('/api/sampling-sites', {
      jurisdictionCode: COUNTY_A,
      name: '高升镇采样点',
      tables: 2,
    });
    expect(other.statusCode, other.body).toBe(201);
    const atOther = await post(
      '/api/sampling/samples',
      sample({ siteId: other.json().id, tubeBarcode: 'TWICE-A-001', idNumber: newId(), name: '丁' }),
    );
    expect(fieldCodes(atOther.json())).toEqual(['tubeBarcode:barcode_taken']);
  });

  it('keeps each county to its own sites, tubes and people', async () => {
    const atA = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: 'CROSS-B-0001', idNumber: PERSON_B.idNumber }),
      adminB,
    );
    expect(atA.statusCode).toBe(404);
    const personB = await post(
      '/api/sampling/samples',
      sample({ tubeBarcode: 'CROSS-A-0001', idNumber: PERSON_B.idNumber }),
    );
    expect(personB.statusCode).toBe(403);
    expect(fieldCodes(personB.json())).toEqual(['idNumber:jurisdiction_out_of_scope']);
    expect((await get('/api/sampling/tubes/POOL-A-000010', adminB)).statusCode).toBe(404);
    expect((await get(`/api/sampling-sites?jurisdiction=${COUNTY_A}`, adminB)).statusCode).toBe(403);
    const listB = (await get('/api/sampling-sites', adminB)).json();
    expect(listB.items.map((s: { id: string }) => s.id)).toEqual([env.world.testingB.siteId]);
  });

  it('counts today’s people and tubes of a table, with its open tube', async () => {
    const response = await get(`/api/sampling/sites/${env.world.testingA.siteId}/today?tableNo=1`);
    expect(response.statusCode, response.body).toBe(200);
    const counts = response.json();
    expect(counts.date).toBe('2026-11-24');
    expect(counts.people).toBeGreaterThanOrEqual(14);
    expect(counts.tubes).toBeGreaterThanOrEqual(5);
    expect(counts.openTube).toMatch(/^[A-Z0-9-]+$/);
    const tomorrow = new Date('2026-11-24T16:30:00Z'); // 00:30 on the 25th in Asia/Shanghai
    env.setNow(tomorrow);
    const later = await signInAs(env.app, 'a_admin'); // the morning session has expired by then
    const next = (
      await get(`/api/sampling/sites/${env.world.testingA.siteId}/today?tableNo=1`, later)
    ).json();
    env.setNow(new Date('2026-11-24T02:00:00Z'));
    expect(next).toMatchObject({ date: '2026-11-25', people: 0, tubes: 0, openTube: null });
  });
});
