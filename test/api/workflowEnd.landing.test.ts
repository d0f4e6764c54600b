import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { expectNoOpenDeadlines } from '../support/openDeadlines.js';
import { COUNTY_A } from '../support/world.js';
import {
  type LandingWorld,
  lookDeadline,
  openDeadlinesOf,
  openLandingWorld,
  report,
  signInAll,
  staff,
  submit,
} from './landingFixtures.js';

/**
 * Item 19's invariant for the landing code (ARR-11) and truck pre-reports (ARR-12): when a report's
 * workflow ends, however it ends, none of its deadlines stays open. Seen before: a report looked at
 * and pushed by a community's staff, then verified and fed back, left the county's 30-minute look
 * open (out of their sight), and it went overdue and escalated to the city.
 */
let ctx: LandingWorld;
let admin: string;
let community: string;
let chifeng: string;
let serial = 0;

const START = new Date('2026-11-24T02:00:00Z');
const nextId = () => withCheckDigit(`21112219800303${String(100 + ++serial).padStart(3, '0')}`);

beforeAll(async () => {
  ctx = await openLandingWorld();
  ctx.setNow(START);
  ({ admin, community, adminB: chifeng } = await signInAll());
});
afterAll(() => ctx.close());

async function newReport() {
  const response = await submit(report({ idNumber: nextId(), arrivedAt: '2026-11-24T01:30:00.000Z' }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

const post = (cookie: string, url: string, body?: object) => staff(cookie, 'POST', url, body);

describe('ARR-11 every end of a landing report leaves none of its deadlines open', () => {
  it('looked at and pushed by a community’s staff is refused, so the county’s look cannot be left behind', async () => {
    const id = await newReport();
    const look = await post(community, `/api/landing/reports/${id}/look`);
    const push = await post(community, `/api/landing/reports/${id}/push`);
    if (look.statusCode !== 200) {
      expect([look.statusCode, push.statusCode]).toEqual([403, 403]);
      expect(look.json().errors[0]).toMatchObject({ field: 'report', code: 'landing_county_staff' });
      expect((await post(admin, `/api/landing/reports/${id}/push`)).statusCode).toBe(200);
    }
    const verified = await post(community, `/api/landing/reports/${id}/verify`, {
      verification: 'found',
      registerNew: true,
      measures: ['nat_done'],
    });
    expect(verified.json()).toMatchObject({ state: 'cleared' });
    expect(await openDeadlinesOf(id)).toEqual([]);
    expect(await lookDeadline(COUNTY_A)).toMatchObject({ done: true });
  });

  it.each([
    ['found and matched, then fed back', 'found'],
    ['not found, then fed back', 'not_found'],
    ['at a wrong address, then fed back', 'wrong_address'],
    ['moved on, then fed back', 'moved_on'],
  ])('verified %s', async (_case, verification) => {
    const id = await newReport();
    await post(admin, `/api/landing/reports/${id}/look`);
    await post(admin, `/api/landing/reports/${id}/push`);
    const verified = await post(community, `/api/landing/reports/${id}/verify`, {
      verification,
      ...(verification === 'found' ? { registerNew: true } : {}),
    });
    expect(verified.json()).toMatchObject({ state: 'verified' });
    // Verified but not yet fed back: the community still owes the feedback today.
    expect(await openDeadlinesOf(id)).toEqual([{ kind: 'landing.verify' }]);
    const fed = await post(community, `/api/landing/reports/${id}/feedback`, { measures: ['handed_over'] });
    expect(fed.json()).toMatchObject({ state: 'cleared' });
    expect(await openDeadlinesOf(id)).toEqual([]);
  });

  it.each([
    ['before anyone looked at it (not genuine)', 'not_genuine', 'new'],
    ['as a duplicate after the look', 'duplicate', 'looked'],
    ['as a test after the push to the community', 'test', 'pushed'],
  ])('discarded %s', async (_case, reason, reached) => {
    const id = await newReport();
    if (reached !== 'new') await post(admin, `/api/landing/reports/${id}/look`);
    if (reached === 'pushed') {
      await post(admin, `/api/landing/reports/${id}/push`);
      expect(await openDeadlinesOf(id)).toEqual([{ kind: 'landing.verify' }]);
    }
    const discarded = await post(admin, `/api/landing/reports/${id}/discard`, { reason, note: '核查后作废' });
    expect(discarded.json()).toMatchObject({ state: 'discarded', discardReason: reason, cleared: true });
    expect(await openDeadlinesOf(id)).toEqual([]);
    // Ended is ended: no push, verification or second discard afterwards.
    expect((await post(admin, `/api/landing/reports/${id}/push`)).json().errors[0]).toMatchObject({
      code: 'landing_ended',
    });
    expect((await post(admin, `/api/landing/reports/${id}/discard`, { reason })).statusCode).toBe(400);
  });

  it('keeps the county’s look open while a report waits, and closes it when the last one is looked at', async () => {
    const waiting = await newReport();
    expect(await lookDeadline(COUNTY_A)).toMatchObject({ done: false });
    await post(admin, `/api/landing/reports/${waiting}/discard`, { reason: 'test' });
    expect(await lookDeadline(COUNTY_A)).toMatchObject({ done: true });
    const open = await ctx.db.query(
      "SELECT kind FROM deadlines WHERE subject_type IN ('landing_report', 'landing_queue') AND done_at IS NULL AND cancelled_at IS NULL",
    );
    expect(open).toEqual([]);
  });
});

describe('ARR-12 every end of a truck pre-report leaves none of its deadlines open', () => {
  const CHIFENG_VILLAGE = '150402001001';
  const hoursFrom = (h: number) => new Date(START.getTime() + h * 3_600_000).toISOString();
  const truck = (plate: string) => ({
    unitName: '红山区鑫达物流有限公司',
    unitCreditCode: '91110000600037341L',
    plate,
    plannedArrivalAt: hoursFrom(30),
    jurisdictionCode: CHIFENG_VILLAGE,
    originDivisionCode: '130203',
    starred: true,
    crew: [
      {
        name: '赵师傅',
        idNumber: withCheckDigit(`13020319800101${String(++serial).padStart(3, '0')}`),
        phone: '13700137001',
      },
    ],
  });
  const filePublic = async (plate: string) => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/trucks/public/reports',
      payload: truck(plate),
      remoteAddress: `10.77.0.${++serial}`,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const fileStaff = async (plate: string) => {
    const response = await post(chifeng, '/api/trucks/reports', truck(plate));
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };

  it('rejected unverified: it owed nothing and owes nothing', async () => {
    const id = await filePublic('冀B60001');
    expect(await openDeadlinesOf(id)).toEqual([]);
    const rejected = await post(chifeng, `/api/trucks/reports/${id}/reject`, { reason: 'duplicate' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', endReason: 'duplicate' });
    expect(await openDeadlinesOf(id)).toEqual([]);
    expect((await post(chifeng, `/api/trucks/reports/${id}/verify`, {})).statusCode).toBe(409);
  });

  it.each([
    ['verified from the public form', 'public', false],
    ['with an escort named', 'staff', true],
  ])('called off when %s: the escort is no longer owed', async (_case, source, escort) => {
    const id =
      source === 'public' ? await filePublic(`冀B6100${++serial % 10}`) : await fileStaff('冀B61010');
    if (source === 'public') await post(chifeng, `/api/trucks/reports/${id}/verify`, {});
    if (escort) await post(chifeng, `/api/trucks/reports/${id}/escort`, { escortName: '张社工' });
    expect(await openDeadlinesOf(id)).toEqual([{ kind: 'truck.escort' }]);
    const cancelled = await post(chifeng, `/api/trucks/reports/${id}/cancel`, { note: '收货方取消' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', endReason: 'called_off' });
    expect(await openDeadlinesOf(id)).toEqual([]);
  });

  it('left after unloading: the escort was met', async () => {
    const id = await fileStaff('冀B62001');
    await post(chifeng, `/api/trucks/reports/${id}/escort`, { escortName: '张社工' });
    await post(chifeng, `/api/trucks/reports/${id}/arrival`, { at: hoursFrom(-1) });
    const left = await post(chifeng, `/api/trucks/reports/${id}/departure`, { at: START.toISOString() });
    expect(left.json()).toMatchObject({ status: 'left' });
    expect(await openDeadlinesOf(id)).toEqual([]);
  });

  it('left after a stay-over with a daily NAT missed: the crew are gone, nothing stays on the list', async () => {
    const id = await fileStaff('冀B63001');
    await post(chifeng, `/api/trucks/reports/${id}/escort`, { escortName: '张社工' });
    await post(chifeng, `/api/trucks/reports/${id}/arrival`, { at: hoursFrom(-1) });
    const staying = await post(chifeng, `/api/trucks/reports/${id}/stay`, {
      reason: '车辆故障',
      lastDate: '2026-11-29',
      crew: [{ position: 1, personId: null }],
    });
    expect(staying.json()).toMatchObject({ status: 'staying' });
    // 11-28's NAT (due 11-28 24:00 local) is missed; the truck leaves on 11-29.
    ctx.setNow(new Date('2026-11-29T03:00:00Z'));
    chifeng = (await signInAll()).adminB;
    const left = await post(chifeng, `/api/trucks/reports/${id}/departure`, {
      at: '2026-11-29T02:00:00.000Z',
    });
    expect(left.json()).toMatchObject({ status: 'left' });
    expect(await openDeadlinesOf(id)).toEqual([]);
    const [missed] = await ctx.db.query<{ reason: string }>(
      "SELECT cancel_reason AS reason FROM deadlines WHERE subject_id = $1 AND kind = 'truck.stay_nat:2026-11-28'",
      [id],
    );
    expect(missed?.reason).toContain('missed');
    // The crew's arrival plans end with them ("离开即结束"): their remaining tests are not left to
    // go overdue and escalate, and each plan is ended as released.
    const crew = await ctx.db.query<{ personId: string; arrivalId: string }>(
      'SELECT person_id AS "personId", arrival_id AS "arrivalId" FROM truck_report_crew WHERE report_id = $1',
      [id],
    );
    expect(crew).toHaveLength(1);
    for (const member of crew) {
      const subject = { subjectType: 'arrival', subjectId: member.arrivalId };
      await expectNoOpenDeadlines(ctx.db, subject, 'the crew left');
      await expectNoOpenDeadlines(ctx.db, { personId: member.personId }, 'the crew left');
      const [plan] = await ctx.db.query<{ plan: string; arrival: string }>(
        `SELECT p.status AS plan, a.status AS arrival FROM arrival_plans p JOIN arrivals a ON a.id = p.arrival_id
         WHERE p.arrival_id = $1`,
        [member.arrivalId],
      );
      expect(plan).toEqual({ plan: 'completed', arrival: 'released' });
      const reasons = await ctx.db.query<{ reason: string }>(
        "SELECT DISTINCT cancel_reason AS reason FROM deadlines WHERE subject_type = 'arrival' AND subject_id = $1",
        [member.arrivalId],
      );
      // The plan's days 0–3 were 11-24…11-27: every test was due before the crew left on 11-29.
      expect(reasons.map((r) => r.reason)).toEqual(['crew left; missed before then']);
    }
  });
});
