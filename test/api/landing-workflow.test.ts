import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { COUNTY_A, VILLAGE_A } from '../support/world.js';
import {
  deadline,
  type LandingWorld,
  lookDeadline,
  openLandingWorld,
  report,
  signInAll,
  staff,
  submit,
} from './landingFixtures.js';

/**
 * ARR-11 landing code (落地码), the staff side: the queue shows the 30-minute look, the look closes
 * it, the push opens the community's same-day verification, verification and feedback clear the
 * report, and the daily-clear board turns green; another county sees none of it.
 */
let ctx: LandingWorld;
let admin: string;
let community: string;
let adminB: string;

beforeAll(async () => {
  ctx = await openLandingWorld();
  ({ admin, community, adminB } = await signInAll());
});
afterAll(() => ctx.close());

describe('ARR-11 workflow: look within 30 minutes, push, verify, feed back, daily clear', () => {
  let id: string;

  beforeAll(async () => {
    ctx.setNow(new Date('2026-11-24T03:00:00Z'));
    const response = await submit(
      report({ idNumber: withCheckDigit('21112219730404007'), arrivedAt: '2026-11-24T02:40:00.000Z' }),
    );
    expect(response.statusCode, response.body).toBe(201);
    id = response.json().id;
  });

  it('shows the new report in the staff queue with its 30-minute deadline', async () => {
    const queue = (await staff(admin, 'GET', '/api/landing/reports?state=new')).json();
    const item = queue.items.find((r: { id: string }) => r.id === id);
    expect(item).toMatchObject({
      state: 'new',
      lookDueAt: '2026-11-24T03:30:00.000Z',
      destinationCode: VILLAGE_A,
      idNumberMasked: expect.stringMatching(/^211122\*{8}\d{3}[\dX]$/),
    });
    expect(JSON.stringify(queue)).not.toContain(withCheckDigit('21112219730404007'));
  });

  it('refuses verification before the push and feedback before the verification', async () => {
    const early = await staff(community, 'POST', `/api/landing/reports/${id}/verify`, {
      verification: 'found',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'report', code: 'landing_not_pushed' });
    const feedback = await staff(community, 'POST', `/api/landing/reports/${id}/feedback`, {
      measures: ['nat_done'],
    });
    expect(feedback.json().errors[0]).toMatchObject({ code: 'landing_not_verified' });
  });

  it('look closes the look deadline; push opens the same-day verification for the community', async () => {
    ctx.setNow(new Date('2026-11-24T03:10:00Z'));
    const looked = await staff(admin, 'POST', `/api/landing/reports/${id}/look`);
    expect(looked.json()).toMatchObject({ state: 'looked', lookedAt: '2026-11-24T03:10:00.000Z' });
    // The county's look lies on its queue: nothing else is waiting, so it is done.
    expect(await lookDeadline(COUNTY_A)).toMatchObject({ done: true });
    const pushed = await staff(admin, 'POST', `/api/landing/reports/${id}/push`);
    expect(pushed.json()).toMatchObject({
      state: 'pushed',
      pushedTo: VILLAGE_A,
      verifyDueAt: '2026-11-24T16:00:00.000Z',
    });
    const verify = await deadline(id, 'landing.verify');
    expect(verify).toMatchObject({ jurisdictionCode: VILLAGE_A, ownerRole: 'community_worker', done: false });
    expect(new Date(verify!.dueAt).toISOString()).toBe('2026-11-24T16:00:00.000Z');
    const again = await staff(admin, 'POST', `/api/landing/reports/${id}/push`);
    expect(again.json().pushedAt).toBe(pushed.json().pushedAt);
  });

  it('the community verifies person by person; the feedback clears the report and the board turns green', async () => {
    const pending = (await staff(community, 'GET', '/api/landing/reports?state=pushed')).json();
    expect(pending.items.map((r: { id: string }) => r.id)).toContain(id);
    const redBoard = (await staff(admin, 'GET', `/api/landing/daily-clear?jurisdiction=${COUNTY_A}`)).json();
    expect(redBoard).toMatchObject({ date: '2026-11-24', clear: false });
    const verified = await staff(community, 'POST', `/api/landing/reports/${id}/verify`, {
      verification: 'found',
      note: '已入户核实',
      registerNew: true,
    });
    // Verified and matched: only now is the traveller a person with an arrival and its plan.
    expect(verified.json()).toMatchObject({
      state: 'verified',
      verification: 'found',
      cleared: false,
      match: 'registered',
      personId: expect.any(String),
      arrivalId: expect.any(String),
    });
    expect(await deadline(id, 'landing.verify')).toMatchObject({ done: false });
    const fed = await staff(community, 'POST', `/api/landing/reports/${id}/feedback`, {
      measures: ['nat_done', 'home_isolation'],
      note: '已核酸,已居家隔离',
    });
    expect(fed.json()).toMatchObject({
      state: 'cleared',
      cleared: true,
      feedbackMeasures: ['nat_done', 'home_isolation'],
    });
    expect(await deadline(id, 'landing.verify')).toMatchObject({ done: true });

    // Clear every other report of the day the same way; then the board is green.
    const open = (await staff(admin, 'GET', '/api/landing/reports?state=open&pageSize=200')).json();
    for (const item of open.items as Array<{ id: string }>) {
      await staff(admin, 'POST', `/api/landing/reports/${item.id}/push`);
      await staff(admin, 'POST', `/api/landing/reports/${item.id}/verify`, {
        verification: 'found',
        registerNew: true,
        measures: ['nat_done'],
      });
    }
    const board = (await staff(admin, 'GET', `/api/landing/daily-clear?jurisdiction=${COUNTY_A}`)).json();
    expect(board.clear, JSON.stringify(board)).toBe(true);
    expect(board.communities.every((c: { clear: boolean }) => c.clear)).toBe(true);
    expect(board.total.received).toBeGreaterThan(0);
    expect(board.total.outstanding).toBe(0);
  });

  it('keeps tomorrow red while a report of today is still open (backlog)', async () => {
    ctx.setNow(new Date('2026-11-24T15:00:00Z'));
    const late = await submit(
      report({ idNumber: withCheckDigit('21112219740505008'), arrivedAt: '2026-11-24T14:00:00.000Z' }),
    );
    expect(late.statusCode).toBe(201);
    ctx.setNow(new Date('2026-11-25T02:00:00Z'));
    ({ admin, community, adminB } = await signInAll());
    const board = (await staff(admin, 'GET', `/api/landing/daily-clear?jurisdiction=${COUNTY_A}`)).json();
    expect(board).toMatchObject({
      date: '2026-11-25',
      clear: false,
      total: { received: 0, backlog: 1, outstanding: 1 },
    });
    const looked = (await staff(admin, 'POST', `/api/landing/reports/${late.json().id}/look`)).json();
    expect(looked.state).toBe('looked');
    expect((await staff(admin, 'POST', '/api/landing/push', { jurisdictionCode: COUNTY_A })).json()).toEqual({
      pushed: 1,
    });
    await staff(community, 'POST', `/api/landing/reports/${late.json().id}/verify`, {
      verification: 'moved_on',
      note: '已离开本社区',
      measures: ['handed_over'],
    });
    const green = (
      await staff(admin, 'GET', `/api/landing/daily-clear?jurisdiction=${COUNTY_A}&date=2026-11-25`)
    ).json();
    expect(green.clear).toBe(true);
  });

  it('keeps another county out: 404 for the report, nothing in its lists or board', async () => {
    expect((await staff(adminB, 'POST', `/api/landing/reports/${id}/look`)).statusCode).toBe(404);
    expect((await staff(adminB, 'GET', `/api/landing/reports/${id}`)).statusCode).toBe(404);
    expect((await staff(adminB, 'GET', `/api/landing/reports?jurisdiction=${COUNTY_A}`)).statusCode).toBe(
      404,
    );
    const own = (await staff(adminB, 'GET', '/api/landing/reports?state=all')).json();
    expect(own.total).toBe(0);
    expect((await staff(adminB, 'GET', `/api/landing/daily-clear?jurisdiction=${COUNTY_A}`)).statusCode).toBe(
      404,
    );
    expect(
      (await staff(adminB, 'POST', '/api/landing/push', { jurisdictionCode: COUNTY_A })).statusCode,
    ).toBe(404);
  });

  it('documents every landing route in OpenAPI with a response schema', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = Object.entries(
      doc.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>,
    ).filter(([path]) => path.includes('/landing') || path.includes('/public/divisions'));
    expect(paths.length).toBeGreaterThanOrEqual(10);
    for (const [path, operations] of paths) {
      for (const [method, operation] of Object.entries(operations)) {
        const ok = Object.keys(operation.responses ?? {}).filter((status) => status.startsWith('2'));
        expect({ path, method, ok: ok.length > 0 }).toEqual({ path, method, ok: true });
      }
    }
  });
});
