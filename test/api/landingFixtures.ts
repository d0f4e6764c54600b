import type { InjectOptions } from 'fastify';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { publicSubmit } from '../support/publicChallenge.js';
import { COUNTY_A, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/** What the landing-code API tests share (ARR-11): the world, a valid report, row counts, deadlines. */
export type LandingWorld = Awaited<ReturnType<typeof openWorldApp>>;
let ctx: LandingWorld;
let ip = 0;

/** Each public request from its own address, so the rate limit is tested only where meant. */
export const nextIp = () => `10.1.${Math.floor(++ip / 250)}.${ip % 250}`;

export async function openLandingWorld(): Promise<LandingWorld> {
  ctx = await openWorldApp();
  return ctx;
}

/** Sessions last 12 hours: a test that moves the clock a day on signs in again. */
export async function signInAll() {
  return {
    admin: await signInAs(ctx.app, 'a_admin'),
    community: await signInAs(ctx.app, 'a_community'),
    adminB: await signInAs(ctx.app, 'b_admin'),
  };
}

export const report = (over: Record<string, unknown> = {}) => ({
  name: '落地乙',
  idNumber: withCheckDigit('21112219880808003'),
  phone: '13612345678',
  origin: 'domestic',
  originDivisionCode: '110105',
  leftOriginAt: '2026-11-23T22:00:00.000Z',
  arrivedAt: '2026-11-24T01:30:00.000Z',
  destinationCode: VILLAGE_A,
  address: '兴盛路8号',
  homeIsolationConditions: true,
  negativeNatAt: '2026-11-23T10:00:00.000Z',
  itineraryStar: false,
  truckDriver: false,
  ...over,
});

/**
 * A public self-report, from its own address unless one is given. Like the page, it solves the
 * challenge and sends again when asked (428), unless `solve` is false.
 */
export async function submit(
  body: unknown,
  options: { code?: string; ip?: string; headers?: Record<string, string>; solve?: boolean } = {},
) {
  return publicSubmit(ctx.app, {
    method: 'POST',
    url: `/api/public/landing/${options.code ?? COUNTY_A}/reports`,
    payload: body as InjectOptions['payload'],
    remoteAddress: options.ip ?? nextIp(),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.solve === false ? { solve: false } : {}),
  });
}

export function staff(cookie: string, method: InjectOptions['method'], url: string, payload?: object) {
  return ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

const TABLES = ['persons', 'arrivals', 'arrival_plans', 'landing_reports', 'deadlines', 'audit_log'];
export async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    result[table] = row!.n;
  }
  return result;
}

/** The county's look deadline on its queue (ARR-11), the open one if any, else the latest. */
export async function lookDeadline(county: string) {
  const [row] = await ctx.db.query<{ dueAt: Date; done: boolean; ownerRole: string; ruleId: string }>(
    `SELECT due_at AS "dueAt", done_at IS NOT NULL AS done, owner_role AS "ownerRole", rule_id AS "ruleId"
     FROM deadlines WHERE subject_type = 'landing_queue' AND jurisdiction_code = $1 AND kind = 'landing.look'
     ORDER BY (done_at IS NULL AND cancelled_at IS NULL) DESC, opened_at DESC LIMIT 1`,
    [county],
  );
  return row;
}

/** Deadlines of a report still open: none may be left once its workflow has ended (item 19). */
export async function openDeadlinesOf(subjectId: string) {
  return ctx.db.query<{ kind: string }>(
    `SELECT kind FROM deadlines WHERE subject_id = $1 AND done_at IS NULL AND cancelled_at IS NULL`,
    [subjectId],
  );
}

export async function deadline(subjectId: string, kind: string) {
  const [row] = await ctx.db.query<{
    jurisdictionCode: string;
    ownerRole: string;
    dueAt: Date;
    done: boolean;
    ruleId: string;
  }>(
    `SELECT jurisdiction_code AS "jurisdictionCode", owner_role AS "ownerRole", due_at AS "dueAt",
       done_at IS NOT NULL AS done, rule_id AS "ruleId"
     FROM deadlines WHERE subject_type = 'landing_report' AND subject_id = $1 AND kind = $2`,
    [subjectId, kind],
  );
  return row;
}
