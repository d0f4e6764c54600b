import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_LIMITS } from '../../src/modules/landing/index.js';
import { buildApp } from '../../src/platform/http/app.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { solvedChallenge } from '../support/publicChallenge.js';
import { COUNTY_A, PERSON_A } from '../support/world.js';
import {
  counts,
  type LandingWorld,
  openLandingWorld,
  report,
  signInAll,
  staff,
  submit,
} from './landingFixtures.js';

/**
 * B5 and B6 (DESIGN "Safe by default"): a public self-report (ARR-11) is a claim. Carrying a
 * registered person's ID number under another name, it attaches to nobody, plans nothing and
 * changes no one until the community has verified it and staff have matched it; its answer is the
 * same whether the number is known or not. Limits per ID number hold across a restart.
 */
let ctx: LandingWorld;
let admin: string;
let community: string;

beforeAll(async () => {
  ctx = await openLandingWorld();
  ({ admin, community } = await signInAll());
});
afterAll(() => ctx.close());

const personRow = () =>
  ctx.db.query<Record<string, unknown>>('SELECT * FROM persons WHERE id = $1', [ctx.world.personA.id]);
const ofPerson = async () => ({
  arrivals: (
    await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM arrivals WHERE person_id = $1', [
      ctx.world.personA.id,
    ])
  )[0]!.n,
  plans: (
    await ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM arrival_plans p JOIN arrivals a ON a.id = p.arrival_id WHERE a.person_id = $1',
      [ctx.world.personA.id],
    )
  )[0]!.n,
  deadlines: (
    await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deadlines WHERE person_id = $1', [
      ctx.world.personA.id,
    ])
  )[0]!.n,
});

describe('B5 a self-report with a registered person’s ID number is a claim until verified', () => {
  let id: string;

  it('attaches to nobody: no arrival, no plan, no deadline, no change to the person', async () => {
    const before = await ofPerson();
    const person = await personRow();
    const response = await submit(
      // From abroad after port isolation: a plan with phases and tests, so deadlines once planned.
      report({
        name: '冒名者',
        idNumber: PERSON_A.idNumber,
        phone: '13912345678',
        address: '冒名路1号',
        origin: 'overseas',
        originDivisionCode: null,
        originCountry: '日本',
        enteredAt: '2026-11-09T02:00:00.000Z',
        portIsolationDays: 14,
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    id = response.json().id;
    expect(await ofPerson()).toEqual(before);
    expect(await personRow()).toEqual(person);
    const [stored] = await ctx.db.query<{ person_id: string | null; arrival_id: string | null }>(
      'SELECT person_id, arrival_id FROM landing_reports WHERE id = $1',
      [id],
    );
    expect(stored).toEqual({ person_id: null, arrival_id: null });
  });

  it('shows staff the registered person as the candidate, with the other name and phone flagged', async () => {
    await staff(admin, 'POST', `/api/landing/reports/${id}/push`);
    const candidates = (await staff(community, 'GET', `/api/landing/reports/${id}/candidates`)).json();
    expect(candidates).toEqual([
      expect.objectContaining({
        personId: ctx.world.personA.id,
        name: PERSON_A.name,
        nameDiffers: true,
        phoneDiffers: true,
        jurisdictionDiffers: false,
      }),
    ]);
    expect(JSON.stringify(candidates)).not.toContain(PERSON_A.idNumber);
    // Another county's staff neither see the report nor anyone through it.
    const adminB = (await signInAll()).adminB;
    expect((await staff(adminB, 'GET', `/api/landing/reports/${id}/candidates`)).statusCode).toBe(404);
  });

  it('a verification names who the person is: a non-candidate or a twin of a candidate is refused', async () => {
    const before = await ofPerson();
    const nobody = await staff(community, 'POST', `/api/landing/reports/${id}/verify`, {
      verification: 'found',
    });
    expect(nobody.json().errors[0]).toMatchObject({ field: 'personId', code: 'landing_match_required' });
    const twin = await staff(community, 'POST', `/api/landing/reports/${id}/verify`, {
      verification: 'found',
      registerNew: true,
    });
    expect(twin.json().errors[0]).toMatchObject({ field: 'registerNew', code: 'duplicate_id' });
    const stranger = await staff(community, 'POST', `/api/landing/reports/${id}/verify`, {
      verification: 'found',
      personId: ctx.world.personB.id,
    });
    expect(stranger.json().errors[0]).toMatchObject({
      field: 'personId',
      code: 'landing_match_not_candidate',
    });
    expect(await ofPerson()).toEqual(before);
  });

  it('verified and matched by staff, only now is the arrival registered and planned', async () => {
    const before = await ofPerson();
    const verified = await staff(community, 'POST', `/api/landing/reports/${id}/verify`, {
      verification: 'found',
      personId: ctx.world.personA.id,
      note: '本人核实，姓名报错',
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({
      match: 'existing',
      personId: ctx.world.personA.id,
      arrivalId: expect.any(String),
    });
    const after = await ofPerson();
    expect(after.arrivals).toBe(before.arrivals + 1);
    expect(after.plans).toBe(before.plans + 1);
    expect(after.deadlines).toBeGreaterThan(before.deadlines);
    // The person's record is the staff's to correct: the claimed name changed nothing.
    expect((await personRow())[0]!.name).toBe(PERSON_A.name);
  });
});

describe('B5 the answer is the same whether the ID number is known or not', () => {
  it('same status and the same fields, differing only in what the traveller typed and the receipt', async () => {
    const known = await submit(
      report({ idNumber: PERSON_A.idNumber, arrivedAt: '2026-11-24T01:00:00.000Z' }),
    );
    const unknown = await submit(
      report({ idNumber: withCheckDigit('21112219900909009'), arrivedAt: '2026-11-24T01:00:00.000Z' }),
    );
    expect([known.statusCode, unknown.statusCode]).toEqual([201, 201]);
    const strip = (body: Record<string, unknown>) => ({
      ...body,
      id: '',
      receipt: '',
      person: { ...(body.person as object), idNumberMasked: '' },
    });
    expect(strip(known.json())).toEqual(strip(unknown.json()));
    expect(Object.keys(known.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
  });
});

describe('B6 limits per ID number are persisted and near them a challenge is asked', () => {
  const idNumber = withCheckDigit('21112219910101001');
  const nth = (n: number) =>
    report({ idNumber, arrivedAt: new Date(Date.parse('2026-11-24T00:00:00Z') + n * 60_000).toISOString() });

  let firstId: string;

  it('creates only the report and one audit row per claim', async () => {
    const before = await counts();
    const first = await submit(nth(0));
    expect(first.statusCode).toBe(201);
    firstId = first.json().id;
    const after = await counts();
    expect(after.persons).toBe(before.persons);
    expect(after.arrivals).toBe(before.arrivals);
    expect(after.landing_reports).toBe(before.landing_reports! + 1);
    expect(after.audit_log).toBe(before.audit_log! + 1);
  });

  it('asks for a challenge as the ID number nears its limit, refuses a spent solution, and refuses past it — also after a restart', async () => {
    const max = REPORT_LIMITS.PER_ID_NUMBER.max;
    let n = 1;
    // Up to half the limit, no challenge is asked.
    for (; n < Math.ceil(max / 2); n++) expect((await submit(nth(n), { solve: false })).statusCode).toBe(201);
    expect((await submit(nth(n), { solve: false })).statusCode).toBe(428);
    const solution = await solvedChallenge(ctx.app);
    const solved = await submit(nth(n++), { solve: false, headers: { 'x-challenge': solution } });
    expect(solved.statusCode).toBe(201);
    const spent = await submit(nth(n), { solve: false, headers: { 'x-challenge': solution } });
    expect(spent.json().errors[0]).toMatchObject({ field: 'challenge', code: 'challenge_invalid' });
    for (; n < max; n++) expect((await submit(nth(n))).statusCode).toBe(201);
    const refused = await submit(nth(n));
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    // A restart: a new server on the same database has no memory of its own, and still refuses.
    const { app: restarted } = await buildApp(ctx.ctx);
    try {
      const again = await restarted.inject({
        method: 'POST',
        url: `/api/public/landing/${COUNTY_A}/reports`,
        payload: nth(n + 1),
        remoteAddress: '10.66.0.1',
        headers: { 'x-challenge': await solvedChallenge(restarted) },
      });
      expect(again.statusCode, again.body).toBe(429);
    } finally {
      await restarted.close();
    }
    const [stored] = await ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM landing_reports WHERE id_hash = (SELECT id_hash FROM landing_reports WHERE id = $1)',
      [firstId],
    );
    expect(stored!.n).toBe(max);
  });
});

describe('B5 a truck pre-report naming a registered person is a claim until staff match the crew (ARR-12)', () => {
  it('attaches the crew to nobody until a stay-over, and then only to the person staff chose', async () => {
    const chifeng = (await signInAll()).adminB;
    const personB = ctx.world.personB.id;
    const arrivalsOfB = async () =>
      (
        await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM arrivals WHERE person_id = $1', [
          personB,
        ])
      )[0]!.n;
    const before = await arrivalsOfB();
    const filed = await ctx.app.inject({
      method: 'POST',
      url: '/api/trucks/public/reports',
      remoteAddress: '10.67.0.1',
      payload: {
        unitName: '红山区鑫达物流有限公司',
        unitCreditCode: '91110000600037341L',
        plate: '冀B70001',
        plannedArrivalAt: '2026-11-24T08:00:00.000Z',
        jurisdictionCode: '150402001001',
        originDivisionCode: '130203',
        starred: true,
        crew: [{ name: '冒名司机', idNumber: '150402199002020020', phone: '13711112222' }],
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id as string;
    const post = (url: string, body: object = {}) => staff(chifeng, 'POST', url, body);
    expect(await ctx.db.query('SELECT kind FROM deadlines WHERE subject_id = $1', [id])).toEqual([]);
    await post(`/api/trucks/reports/${id}/verify`);
    await post(`/api/trucks/reports/${id}/escort`, { escortName: '张社工' });
    await post(`/api/trucks/reports/${id}/arrival`, { at: '2026-11-24T01:00:00.000Z' });
    expect(await arrivalsOfB()).toBe(before);
    const [crew] = (await staff(chifeng, 'GET', `/api/trucks/reports/${id}/candidates`)).json();
    expect(crew.candidates).toEqual([
      expect.objectContaining({ personId: personB, nameDiffers: true, phoneDiffers: true }),
    ]);
    const twin = await post(`/api/trucks/reports/${id}/stay`, {
      reason: '车辆故障',
      lastDate: '2026-11-25',
      crew: [{ position: 1, personId: null }],
    });
    expect(twin.json().errors[0]).toMatchObject({ field: 'crew.0.personId', code: 'duplicate_id' });
    const staying = await post(`/api/trucks/reports/${id}/stay`, {
      reason: '车辆故障',
      lastDate: '2026-11-25',
      crew: [{ position: 1, personId: personB }],
    });
    expect(staying.json()).toMatchObject({
      status: 'staying',
      crew: [{ personId: personB, match: 'existing' }],
    });
    expect(await arrivalsOfB()).toBe(before + 1);
  });
});
