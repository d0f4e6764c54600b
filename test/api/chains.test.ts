import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/platform/access/accounts.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import type { Role } from '../../src/rules/roles.js';
import { COUNTY_A, PASSWORD, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';
import { CHAIN_A1, CHAIN_B1 } from '../support/worldChains.js';

/**
 * EPI-5 [002 §28] "对'第一代'感染病例的发现者，要给予工作肯定；如果出现'第二代'感染病例，要高度重视，
 * 迅速扑灭；一旦发生'第三代或以上'感染病例，不仅要追根溯源，而且要追究责任。" Through the API:
 * links, generations, clusters, the commander's accountability alert, cycles and scope.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let adminB: string;
let cdc: string;
let commander: string;
let community: string;
const HOUR = 3_600_000;
const START = new Date('2026-12-07T01:00:00Z');

async function tokenOf(username: string) {
  const cookie = await signInAs(env.app, username);
  const response = await env.app.inject({
    method: 'POST',
    url: '/api/session/tokens',
    headers: { cookie },
    payload: { name: 'chains test' },
  });
  return `Bearer ${response.json().token}`;
}

beforeAll(async () => {
  env = await openWorldApp();
  env.setNow(START);
  const users: Array<[string, Role]> = [
    ['a_cdc', 'cdc_epidemiologist'],
    ['a_commander', 'commander'],
  ];
  for (const [username, role] of users)
    await env.ctx.db.transaction((tx) =>
      createUser(tx, undefined, {
        username,
        displayName: username,
        password: PASSWORD,
        roles: [role],
        scopes: [COUNTY_A],
      }),
    );
  admin = await tokenOf('a_admin');
  adminB = await tokenOf('b_admin');
  cdc = await tokenOf('a_cdc');
  commander = await tokenOf('a_commander');
  community = await tokenOf('a_community');
}, 120_000);
afterAll(() => env.close());

const get = (url: string, authorization = cdc) =>
  env.app.inject({ method: 'GET', url, headers: { authorization } });
const post = (url: string, payload: object | undefined, authorization = cdc) =>
  env.app.inject({ method: 'POST', url, headers: { authorization }, payload });

let serial = 100;
/** A confirmed case of village A reported now through the cases API, with its onset `onsetDaysAgo` days ago. */
async function reportCase(name: string, onsetDaysAgo: number, institution = '盘山县人民医院') {
  const n = serial++;
  // One minute apart: the earliest reported case of a cluster is its root.
  env.setNow(new Date(env.ctx.now().getTime() + 60_000));
  const now = env.ctx.now();
  const response = await post(
    '/api/cases',
    {
      person: {
        name,
        idNumber: withCheckDigit(`21112219900101${String(n).padStart(3, '0')}`),
        jurisdictionCode: VILLAGE_A,
      },
      classification: 'confirmed',
      severity: 'mild',
      onsetAt: new Date(now.getTime() - onsetDaysAgo * 24 * HOUR).toISOString(),
      foundAt: new Date(now.getTime() - 0.5 * HOUR).toISOString(),
      reportingInstitution: institution,
      reportingDoctor: '刘医生',
    },
    admin,
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

const link = (infectorCaseId: string, infecteeCaseId: string, certainty = 'confirmed', extra: object = {}) =>
  post('/api/chains/links', {
    infectorCaseId,
    infecteeCaseId,
    certainty,
    evidenceKind: 'household',
    evidence: '同住家庭成员',
    ...extra,
  });

async function cluster(caseId: string) {
  const response = await get(`/api/chains/${caseId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const generationsOf = (detail: {
  nodes: Array<{ caseId: string; generation: number; maxGeneration: number }>;
}) => Object.fromEntries(detail.nodes.map((n) => [n.caseId, [n.generation, n.maxGeneration]]));

const alertRows = (subjectId: string) =>
  env.db.query<{ state: string; owner: string; code: string; title: string; reason: string | null }>(
    `SELECT CASE WHEN done_at IS NOT NULL THEN 'done' WHEN cancelled_at IS NOT NULL THEN 'cancelled' ELSE 'open' END AS state,
       owner_role AS owner, jurisdiction_code AS code, title_zh AS title, cancel_reason AS reason
     FROM deadlines WHERE subject_type = 'chain_cluster' AND subject_id = $1 ORDER BY opened_at, id`,
    [subjectId],
  );

describe('EPI-5 a chain A → B → C: generations, credit, flag and the accountability alert', () => {
  let a: string;
  let b: string;
  let c: string;
  let bc: string;

  it('EPI-5 links the cases and computes generations 1, 2, 3 with the discoverer of A credited', async () => {
    a = await reportCase('甲一', 10, '盘山县疾控中心');
    b = await reportCase('甲二', 6);
    c = await reportCase('甲三', 2);
    const ab = await link(a, b);
    expect(ab.statusCode, ab.body).toBe(201);
    expect(ab.json().alerts).toEqual({ opened: [], cancelled: [] });
    const second = await link(b, c, 'probable', {
      exposureAt: new Date(START.getTime() - 5 * 24 * HOUR).toISOString(),
    });
    expect(second.statusCode).toBe(201);
    bc = second.json().link.id;
    // The alert is keyed on the cluster's root, its earliest reported case: A.
    expect(second.json().alerts.opened).toEqual([a]);
    const detail = await cluster(c);
    expect(generationsOf(detail)).toEqual({ [a]: [1, 1], [b]: [2, 2], [c]: [3, 3] });
    expect(detail.nodes.map((n: { accountability: string }) => n.accountability).sort()).toEqual([
      'alert',
      'credit',
      'flag',
    ]);
    expect(detail.credits).toEqual([
      expect.objectContaining({
        caseId: a,
        reportingInstitution: '盘山县疾控中心',
        reportingDoctor: '刘医生',
        infectees: 1,
      }),
    ]);
    expect(detail.summary).toMatchObject({
      clusterId: a,
      size: 3,
      links: 2,
      maxGeneration: 3,
      generations: [1, 1, 1],
    });
    expect(detail.summary.alert).toMatchObject({
      state: 'open',
      dueAt: new Date(env.ctx.now().getTime() + 24 * HOUR).toISOString(),
    });
    // Two pairs: too few for an estimate (样本不足).
    expect(detail.serialInterval).toMatchObject({ pairs: 2, enough: false, mean: null, minPairs: 10 });
    expect(detail.incubation).toMatchObject({ pairs: 1, enough: false });
  });

  it("EPI-5 the third generation puts an accountability deadline on the county commander's work", async () => {
    const [alert] = await alertRows(a);
    expect(alert).toMatchObject({ state: 'open', owner: 'commander', code: COUNTY_A });
    expect(alert!.title).toContain('第三代病例出现，启动问责调查');
    const work = (await get('/api/my-work?pageSize=100', commander)).json();
    const item = work.items.find((i: { title: { zh: string } | string }) =>
      JSON.stringify(i).includes('启动问责调查'),
    );
    expect(item?.action).toMatchObject({ href: `/chains/${a}`, markDone: true });
    const list = (await get('/api/chains?alerts=true', commander)).json();
    expect(list.items.map((i: { clusterId: string }) => i.clusterId)).toContain(a);
  });

  it('EPI-5 a link that would close a cycle is refused, naming the cases on it; a self-link and a repeat too', async () => {
    const cycle = await link(c, a);
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json()).toMatchObject({ code: 'chain_cycle', cases: [c, a, b, c] });
    expect(cycle.json().detail_zh).toContain('甲三 → 甲一 → 甲二 → 甲三');
    expect(cycle.json().detail).toContain('甲三 → 甲一 → 甲二 → 甲三');
    const self = await link(a, a);
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0]).toMatchObject({ field: 'infectorCaseId', code: 'same_case' });
    const again = await link(a, b);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('chain_link_exists');
  });

  it('EPI-5 removing the link that made the third generation cancels the open alert; the link is kept as history', async () => {
    const removed = await post(`/api/chains/links/${bc}/remove`, { reason: '复核后排除同住关系' });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().alerts.cancelled).toEqual([a]);
    expect(removed.json().link).toMatchObject({
      removedByName: 'a_cdc (a_cdc)',
      removalReason: '复核后排除同住关系',
    });
    expect(await alertRows(a)).toEqual([
      expect.objectContaining({ state: 'cancelled', reason: 'generation_lowered' }),
    ]);
    const detail = await cluster(a);
    expect(generationsOf(detail)).toEqual({ [a]: [1, 1], [b]: [2, 2] });
    expect(detail.removedLinks.map((l: { id: string }) => l.id)).toEqual([bc]);
    expect((await cluster(c)).summary).toMatchObject({ clusterId: c, size: 1 });
    const twice = await post(`/api/chains/links/${bc}/remove`, { reason: '重复操作' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('chain_link_removed');
    const audit = await env.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'chain_link' ORDER BY at, id",
    );
    expect(audit.map((r) => r.action)).toEqual(['chain.link', 'chain.link', 'chain.unlink']);
  });

  it('EPI-5 an alert handled by the commander is not opened again for the same chain', async () => {
    expect((await link(b, c)).statusCode).toBe(201);
    const open = (await alertRows(a)).filter((r) => r.state === 'open');
    expect(open).toHaveLength(1);
    const [row] = await env.db.query<{ id: string }>(
      "SELECT id FROM deadlines WHERE subject_type = 'chain_cluster' AND subject_id = $1 AND done_at IS NULL AND cancelled_at IS NULL",
      [a],
    );
    const done = await post(`/api/deadlines/${row!.id}/done`, { outcome: '已启动问责调查' }, commander);
    expect(done.statusCode, done.body).toBe(200);
    const d = await reportCase('甲四', 1);
    const cd = await link(c, d);
    expect(cd.json().alerts).toEqual({ opened: [], cancelled: [] });
    expect(generationsOf(await cluster(d))[d]).toEqual([4, 4]);
    // Both opened at the same test instant: compared as a set.
    expect((await alertRows(a)).map((r) => r.state).sort()).toEqual(['cancelled', 'done']);
  });
});

describe('EPI-5 several candidate infectors', () => {
  it('EPI-5 the best reading follows the most certain link; a weaker longer path still raises the alert (never understate)', async () => {
    const p = await reportCase('乙一', 9);
    const q = await reportCase('乙二', 5);
    const x = await reportCase('乙三', 2);
    expect((await link(p, q)).statusCode).toBe(201);
    expect((await link(p, x, 'confirmed')).json().alerts.opened).toEqual([]);
    const weak = await link(q, x, 'possible');
    expect(weak.json().alerts.opened).toEqual([p]);
    const detail = await cluster(x);
    expect(generationsOf(detail)[x]).toEqual([2, 3]);
    expect(detail.summary).toMatchObject({ maxGeneration: 2, maxPossibleGeneration: 3 });
    expect((await alertRows(p))[0]!.title).toContain('最可能为第2代');
    const removed = await post(`/api/chains/links/${weak.json().link.id}/remove`, { reason: '时间不符' });
    expect(removed.json().alerts.cancelled).toEqual([p]);
  });

  it('EPI-5 two clusters joined by a link: the alert moves to the merged root', async () => {
    const r1 = await reportCase('丙一', 9);
    const r2 = await reportCase('丙二', 6);
    const r3 = await reportCase('丙三', 3);
    const s1 = await reportCase('丁一', 8);
    await link(r1, r2);
    expect((await link(r2, r3)).json().alerts.opened).toEqual([r1]);
    // s1 reported after r1: r1 stays the root, its alert stays open.
    const joined = await link(s1, r3, 'probable');
    expect(joined.json().alerts).toEqual({ opened: [], cancelled: [] });
    expect((await cluster(s1)).summary).toMatchObject({ clusterId: r1, size: 4 });
  });
});

describe('EPI-5 discarded cases drop out of generations', () => {
  it('EPI-5 a discarded infector no longer counts: its infectee becomes an index case after a recompute', async () => {
    const u = await reportCase('戊一', 9);
    const v = await reportCase('戊二', 5);
    const w = await reportCase('戊三', 2);
    await link(u, v);
    expect((await link(v, w)).json().alerts.opened).toEqual([u]);
    const discard = await post(`/api/cases/${v}/discard`, { reason: '复核阴性，排除' }, admin);
    expect(discard.statusCode, discard.body).toBe(200);
    expect(generationsOf(await cluster(w))).toEqual({ [w]: [1, 1] });
    expect((await get(`/api/chains/${v}`)).statusCode).toBe(404);
    const recompute = await post('/api/chains/recompute', undefined);
    expect(recompute.statusCode, recompute.body).toBe(200);
    expect(recompute.json().cancelled).toContain(u);
    const linkToDiscarded = await link(w, v);
    expect(linkToDiscarded.statusCode).toBe(400);
    expect(linkToDiscarded.json().errors[0]).toMatchObject({
      field: 'infecteeCaseId',
      code: 'case_discarded',
    });
  });
});

describe('EPI-5 scope and permissions', () => {
  it("EPI-5 another county's case is not found, for reading and for linking", async () => {
    expect((await get(`/api/chains/${CHAIN_B1}`)).statusCode).toBe(404);
    expect((await get(`/api/chains/case/${CHAIN_B1}`)).statusCode).toBe(404);
    expect((await link(CHAIN_A1, CHAIN_B1)).statusCode).toBe(404);
    expect((await get(`/api/chains/${CHAIN_A1}`, adminB)).statusCode).toBe(404);
    const listB = (await get('/api/chains', adminB)).json();
    expect(listB.items).toEqual([]);
  });

  it('EPI-5 reading needs investigation.read and linking chain.write', async () => {
    expect((await get('/api/chains', community)).statusCode).toBe(403);
    expect((await link(CHAIN_A1, CHAIN_B1, 'confirmed', {})).statusCode).toBe(404);
    const byCommander = await post(
      '/api/chains/links',
      {
        infectorCaseId: CHAIN_A1,
        infecteeCaseId: CHAIN_B1,
        certainty: 'confirmed',
        evidenceKind: 'other',
        evidence: '测试',
      },
      commander,
    );
    expect(byCommander.statusCode).toBe(403);
    expect((await get('/api/chains', commander)).statusCode).toBe(200);
  });

  it("EPI-5 a case's chain view lists its infectors and the candidate infectors in scope", async () => {
    const view = (await get(`/api/chains/case/${CHAIN_A1}`)).json();
    expect(view).toMatchObject({ caseId: CHAIN_A1, generation: 1, infectors: [] });
    expect(view.candidates.map((c: { caseId: string }) => c.caseId)).not.toContain(CHAIN_B1);
    expect(view.candidates.map((c: { caseId: string }) => c.caseId)).not.toContain(CHAIN_A1);
  });
});
