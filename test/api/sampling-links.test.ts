import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resampleKind } from '../../src/modules/testing/index.js';
import { withScope } from '../../src/platform/access/scope.js';
import { openDeadline } from '../../src/platform/deadlines/service.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { PERSON_A, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/** What a sample does beyond its tube: closes the person's obligations, answers an arrival plan's test. */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
});
afterAll(() => env.close());

const get = (url: string) => env.app.inject({ method: 'GET', url, headers: { cookie: admin } });
const post = (url: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload });
const newId = () => withCheckDigit('21112219900101777');
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

describe('TST-1 a sample and the person’s other work', () => {
  it('closes the person’s re-sampling obligation when they are sampled (TST-1)', async () => {
    const { ctx, world } = env;
    const tubeId = '00000000-0000-4000-8000-00000000e001';
    await withScope(ctx.db, world.users.a_admin!, (tx) =>
      openDeadline(tx, {
        ruleId: 'TST-1',
        subjectType: 'person',
        subjectId: world.personA.id,
        kind: resampleKind(tubeId),
        jurisdictionCode: world.personA.jurisdictionCode,
        ownerRole: 'community_worker',
        personId: world.personA.id,
        openedAt: ctx.now(),
        dueAt: new Date(ctx.now().getTime() + 24 * 3_600_000),
        title: { zh: '单采复核', en: 'Individual re-sample' },
      }),
    );
    const open = () =>
      env.db.query<{ done: boolean }>('SELECT done_at IS NOT NULL AS done FROM deadlines WHERE kind = $1', [
        resampleKind(tubeId),
      ]);
    expect(await open()).toEqual([{ done: false }]);
    const response = await post(
      '/api/sampling/samples',
      sample({
        tubeBarcode: 'RESAMPLE-A-01',
        idNumber: PERSON_A.idNumber,
        purpose: 'resample',
        poolSize: undefined,
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().tube).toMatchObject({ capacity: 1, memberCount: 1, sealed: true, full: true });
    expect(await open()).toEqual([{ done: true }]);
  });

  it('links a sample to a test of the person’s arrival plan', async () => {
    const arrival = (await get(`/api/arrivals/${env.world.arrivalA.arrivalId}`)).json();
    const plan = arrival.plans.find((p: { status: string }) => p.status === 'active').plan;
    const test = plan.tests[0];
    const item = `test:${test.kind}:d${test.day}`;
    const link = {
      arrivalId: env.world.arrivalA.arrivalId,
      purpose: 'arrival',
      poolSize: 1,
      campaignId: null,
    };
    const linked = await post(
      '/api/sampling/samples',
      sample({ ...link, tubeBarcode: 'ARR-A-00001', idNumber: PERSON_A.idNumber, planItem: item }),
    );
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json().sample).toMatchObject({ arrivalId: env.world.arrivalA.arrivalId, planItem: item });
    const unknown = await post(
      '/api/sampling/samples',
      sample({ ...link, tubeBarcode: 'ARR-A-00002', idNumber: PERSON_A.idNumber, planItem: 'test:nat:d99' }),
    );
    expect(fieldCodes(unknown.json())).toEqual(['planItem:plan_item_unknown']);
    const other = await post(
      '/api/sampling/samples',
      sample({ ...link, tubeBarcode: 'ARR-A-00003', idNumber: newId(), name: '戊', planItem: item }),
    );
    expect(fieldCodes(other.json())).toEqual(['arrivalId:arrival_person_mismatch']);
    const half = await post(
      '/api/sampling/samples',
      sample({ ...link, tubeBarcode: 'ARR-A-00004', idNumber: PERSON_A.idNumber }),
    );
    expect(fieldCodes(half.json())).toEqual(['planItem:arrival_plan_required']);
  });
});
