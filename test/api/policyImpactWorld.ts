import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { COUNTY_A, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * Support for the policy-change impact tests (issue 12 Deliver 3, 4, 7): the two-county world with
 * a high-risk area published, arrivals registered at their own time through the API, and new
 * versions of the county pack [003] derived from the shipped one.
 */
export type Env = Awaited<ReturnType<typeof openWorldApp>>;

/** World time: 2026-11-24 10:00 in Asia/Shanghai. */
export const NOW = new Date('2026-11-24T02:00:00Z');
/** A street of 黄浦区 published high-risk on 2026-11-01: arrivals from it are ARR-5 under [003]. */
export const HIGH_RISK_STREET = '310101002';

const shipped = readFileSync('packs/panshan-2021.yaml', 'utf8');
const ARR5_NAT = /(kind: nat\n(\s+)days: )\[1\]/;
const CLAUSE = '{ document: "003", section: §3.3.2, quote: 并进行“2+1”医学检测 }';

/** The county pack under another version number, otherwise as shipped. */
export const panshanAs = (version: string) => shipped.replace(/^version: "[^"]+"/m, `version: "${version}"`);

/** ARR-5's first NAT moved from day 1 to `day`; with `accept`, the item says whether a done test counts. */
export function panshanMovingNat(version: string, day: number, accept?: boolean): string {
  expect(shipped).toMatch(ARR5_NAT);
  return panshanAs(version).replace(ARR5_NAT, (_, head: string, indent: string) =>
    accept === undefined
      ? `${head}[${day}]`
      : `${head}[${day}]\n${indent}earlierResult:\n${indent}  accept: ${accept}\n${indent}  source: ${CLAUSE}`,
  );
}

export async function openImpactWorld() {
  const env = await openWorldApp();
  const admin = await signInAs(env.app, 'a_admin');
  await env.db.query(
    `INSERT INTO risk_areas (id, level, division_code, area_name, published_at, publisher)
     VALUES (gen_random_uuid(), 'high', $1, '黄浦区外滩街道', '2026-11-01T00:00:00Z', '上海市')`,
    [HIGH_RISK_STREET],
  );
  const villages = await env.db.query<{ code: string }>(
    `SELECT code FROM jurisdictions WHERE code LIKE $1 AND length(code) = 12 ORDER BY code`,
    [`${COUNTY_A}%`],
  );
  /** The first village of each of the county's first towns. */
  const towns = [...new Map(villages.map((v) => [v.code.slice(0, 9), v.code])).entries()].map(
    ([town, village]) => ({ town, village }),
  );
  return { env, admin, towns };
}

export function call(env: Env, cookie: string) {
  const send = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, status = 200) => {
    const response = await env.app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload ? { payload } : {}),
    });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
    return response.json();
  };
  return {
    get: (url: string, status = 200) => send('GET', url, undefined, status),
    post: (url: string, payload: object, status = 200) => send('POST', url, payload, status),
    put: (url: string, payload: object, status = 200) => send('PUT', url, payload, status),
  };
}

let serial = 0;

/**
 * Registers an arrival from the high-risk street into `village`, at its own time (the clock set to
 * an hour after arriving), so that nothing was late when it was planned; the clock is put back.
 */
export async function arriveFromHighRisk(env: Env, cookie: string, village: string, arrivedAt: string) {
  const at = new Date(arrivedAt);
  env.setNow(new Date(at.getTime() + 3_600_000));
  serial += 1;
  const body = await call(env, cookie).post(
    '/api/arrivals',
    {
      person: {
        name: `来返人员${serial}`,
        idNumber: withCheckDigit(`31010119900101${String(100 + serial).padStart(3, '0')}`),
      },
      jurisdictionCode: village,
      origin: 'domestic',
      originDivisionCode: HIGH_RISK_STREET,
      arrivedAt: at.toISOString(),
    },
    201,
  );
  env.setNow(NOW);
  expect(body).toMatchObject({ ruleId: 'ARR-5' });
  return body.id as string;
}

/** Records a result at `at` (the clock set to that time, then put back). */
export async function recordAt(env: Env, cookie: string, arrivalId: string, item: string, at: string) {
  env.setNow(new Date(at));
  await call(env, cookie).post(`/api/arrivals/${arrivalId}/events`, { item, result: 'negative', at });
  env.setNow(NOW);
}

export interface StoredPlanJson {
  id: string;
  status: string;
  supersededBy: string | null;
  plan: {
    packId: string;
    packVersion: string;
    protocolId: string;
    tests: Array<{ kind: string; day: number }>;
  };
}

export async function detailOf(env: Env, cookie: string, arrivalId: string) {
  return (await call(env, cookie).get(`/api/arrivals/${arrivalId}`)) as {
    packVersion: string | null;
    plans: StoredPlanJson[];
    events: Array<{ planId: string; item: string; result: string; satisfiedBy: string | null }>;
    work: Array<{ item: string; dueAt: string; catchUp: boolean }>;
  };
}

/** Deadlines of arrivals whose due time had passed when they were opened: none, ever (Deliver 4). */
export async function overdueOnCreation(env: Env): Promise<Array<{ kind: string; title: string }>> {
  return env.db.query(
    `SELECT kind, title_zh AS title FROM deadlines WHERE subject_type = 'arrival' AND due_at < opened_at`,
  );
}
