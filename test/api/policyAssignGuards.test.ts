import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supersedePlan } from '../../src/modules/arrivals/index.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { parsePack } from '../../src/rules/policy/loadPack.js';
import type { Plan } from '../../src/rules/policy/types.js';
import { COUNTY_A, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * What must hold before a pack version is assigned to a subtree or its impact previewed or applied
 * (issue 12 Deliver 2, 3, 6; "Hostile input → 4xx, never 5xx"):
 * - a well-formed code in scope that is no jurisdiction is refused with its field (it broke the
 *   assignment's foreign key: 500);
 * - a version stored before citations were checked on upload is checked again, and refused with
 *   its problems on the lines of its stored text, as an upload would be;
 * - a plan already replaced is not replaced again: the later of two changes at once is refused with
 *   its own 409 (it broke the one-active-plan index: 500).
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;

/** Well-formed, inside the county, and no jurisdiction of it. */
const NO_SUCH_VILLAGE = `${COUNTY_A}999999`;
/** A community where the test world registers no arrival: assigning it re-plans no one. */
const QUIET_COMMUNITY = `${COUNTY_A}001006`;

const send = (method: 'POST' | 'PUT', url: string, payload: object) =>
  env.app.inject({ method, url, headers: { cookie: admin }, payload });

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
});
afterAll(() => env.close());

const assignmentsAt = (code: string) =>
  env.db.query('SELECT pack_version FROM policy_assignments WHERE jurisdiction_code = $1', [code]);

describe('an unknown jurisdiction is refused with its field, not a 500', () => {
  const shipped = { packId: 'panshan-2021', version: '6' };

  it.each([
    ['PUT', `/api/policy/assignments/${NO_SUCH_VILLAGE}`, shipped],
    ['POST', '/api/policy/impact/preview', { ...shipped, jurisdictionCode: NO_SUCH_VILLAGE }],
    ['POST', '/api/policy/impact/apply', { ...shipped, jurisdictionCode: NO_SUCH_VILLAGE }],
  ] as const)('%s %s', async (method, url, body) => {
    const response = await send(method, url, body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'jurisdictionCode', code: 'jurisdiction_unknown' }),
    ]);
    expect(await assignmentsAt(NO_SUCH_VILLAGE)).toEqual([]);
  });
});

describe('a version stored before citations were checked is checked before it is assigned or applied', () => {
  const shipped = readFileSync('packs/panshan-2021.yaml', 'utf8');
  const QUOTE = 'quote: 须在指定集中隔离场所观察7天 }';
  const lineOf = (text: string, words: string) => text.split('\n').findIndex((l) => l.includes(words)) + 1;
  /** The county pack under `version`, with the phase's quoted words changed to `quote`. */
  const variant = (version: string, quote: string) =>
    shipped.replace(/^version: "[^"]+"/m, `version: "${version}"`).replace(QUOTE, `quote: ${quote} }`);

  /** Stored as an old database holds it: straight into the table, never through the upload. */
  async function storeDirectly(yaml: string) {
    const parsed = parsePack(yaml);
    if (!('pack' in parsed)) throw new Error(JSON.stringify(parsed.errors));
    const { pack } = parsed;
    await env.db.query(
      `INSERT INTO policy_packs (id, version, title_zh, title_en, authority_zh, effective_from, effective_to, content, source_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        pack.id,
        pack.version,
        pack.title.zh,
        pack.title.en,
        pack.authority.zh,
        pack.effectiveFrom,
        pack.effectiveTo ?? null,
        JSON.stringify(pack),
        yaml,
      ],
    );
  }

  const bad = variant('old-bad', '须在指定集中隔离场所观察14天');
  beforeAll(async () => {
    expect(shipped).toContain(QUOTE);
    await storeDirectly(bad);
    await storeDirectly(variant('old-good', '须在指定集中隔离场所观察7天'));
  });

  const refusal = {
    field: 'version',
    code: 'pack_invalid',
    packErrors: [
      {
        path: expect.stringMatching(/^protocols\[\d+\]\.phases\[\d+\]\.source\.quote$/),
        line: lineOf(bad, '观察14天 }'),
        message: {
          zh: expect.stringContaining('中没有引文“须在指定集中隔离场所观察14天”'),
          en: expect.stringContaining('"须在指定集中隔离场所观察14天"'),
        },
      },
    ],
  };

  it.each([
    ['PUT', `/api/policy/assignments/${QUIET_COMMUNITY}`, {}],
    ['POST', '/api/policy/impact/preview', { jurisdictionCode: QUIET_COMMUNITY }],
    ['POST', '/api/policy/impact/apply', { jurisdictionCode: QUIET_COMMUNITY }],
    // The county holds plans: apply would otherwise replace them under the bad version.
    ['POST', '/api/policy/impact/apply', { jurisdictionCode: COUNTY_A }],
  ] as const)('%s %s %j is refused with the path and line', async (method, url, extra) => {
    const response = await send(method, url, { packId: 'panshan-2021', version: 'old-bad', ...extra });
    expect(response.statusCode, response.body).toBe(400);
    const { field, code, packErrors } = refusal;
    expect(response.json().errors).toEqual([expect.objectContaining({ field, code })]);
    expect(response.json().packErrors).toEqual(packErrors);
    expect(await assignmentsAt(QUIET_COMMUNITY)).toEqual([]);
    const [county] = await assignmentsAt(COUNTY_A);
    expect(county).toEqual({ pack_version: '6' });
  });

  it('the same version with words its document holds, stored the same way, is assigned', async () => {
    const response = await send('PUT', `/api/policy/assignments/${QUIET_COMMUNITY}`, {
      packId: 'panshan-2021',
      version: 'old-good',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await assignmentsAt(QUIET_COMMUNITY)).toEqual([{ pack_version: 'old-good' }]);
  });
});

describe('a plan already replaced is not replaced again (two changes at once)', () => {
  /*
   * PGlite runs one query at a time, so two applies cannot interleave here: the guard is tested
   * directly, with the state the later of two concurrent changes finds once the first committed.
   */
  const arrivalOf = async (id: string) => {
    const [row] = await env.db.query<{ id: string; jurisdictionCode: string; personId: string }>(
      `SELECT id, jurisdiction_code AS "jurisdictionCode", person_id AS "personId" FROM arrivals WHERE id = $1`,
      [id],
    );
    return row!;
  };
  const activePlanOf = async (arrivalId: string) => {
    const [row] = await env.db.query<{ id: string; plan: Plan }>(
      "SELECT id, plan FROM arrival_plans WHERE arrival_id = $1 AND status = 'active'",
      [arrivalId],
    );
    return row!;
  };

  it('superseding a plan another change already superseded is refused with 409 plan_replaced', async () => {
    const arrival = await arrivalOf(env.world.arrivalA.arrivalId);
    const first = await activePlanOf(arrival.id);
    await env.db.transaction((tx) => supersedePlan(tx, arrival, first.id, first.plan, env.ctx.now()));
    const second = await activePlanOf(arrival.id);
    expect(second.id).not.toBe(first.id);
    const late = env.db.transaction((tx) => supersedePlan(tx, arrival, first.id, first.plan, env.ctx.now()));
    await expect(late).rejects.toMatchObject({ code: 'plan_replaced', status: 409 });
    // Nothing of the refused change stays: the plan the first change made is still the active one.
    expect((await activePlanOf(arrival.id)).id).toBe(second.id);
  });

  it('a second active plan for an arrival (a concurrent insert) is refused with the same 409', async () => {
    // The state a concurrent writer leaves: the arrival already has another active plan when this
    // change stores its new one. Another arrival's active plan stands in for the one it replaces.
    const registered = await send('POST', '/api/arrivals', {
      person: { name: '入境人员', idNumber: withCheckDigit('21112219800303901') },
      jurisdictionCode: QUIET_COMMUNITY,
      origin: 'overseas',
      originCountry: '日本',
      arrivedAt: '2026-11-23T02:00:00Z',
      enteredAt: '2026-11-08T02:00:00Z',
      portIsolationDays: 14,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const elsewhere = await activePlanOf(registered.json().id);
    const arrival = await arrivalOf(env.world.arrivalA.arrivalId);
    const late = env.db.transaction((tx) =>
      supersedePlan(tx, arrival, elsewhere.id, elsewhere.plan, env.ctx.now()),
    );
    await expect(late).rejects.toMatchObject({ code: 'plan_replaced', status: 409 });
  });
});
