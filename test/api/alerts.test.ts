import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAll, evaluateChanged, evaluateRules } from '../../src/modules/alerts/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import { noteSignalChange } from '../../src/platform/signals/changes.js';
import type { SignalMeasure } from '../../src/platform/signals/types.js';
import type { TriggerRule } from '../../src/rules/policy/outbreakTypes.js';
import type { Role } from '../../src/rules/roles.js';
import { addLocalDays } from '../../src/rules/truckReport.js';
import { actorFor, COUNTY_A, COUNTY_B, PASSWORD, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * MON-4 多点触发 (002 §15 "建立智慧化多点触发、多渠道监测预警机制，加强医疗机构尤其基层诊所和药店对发热病人的
 * 哨点作用"; 003 §3.2 "药店购药人群监测…外环境监测…及时开展快速风险评估和预警发布"): trigger rules over the
 * feeds raise alerts for the units where they fire and nowhere else, once; the CDC acknowledges,
 * assesses, publishes a warning and closes, each step audited and on the deadlines list.
 *
 * The feeds here are measures defined by the test over a table of its own, shaped as the feed
 * modules' series are (platform/signals/types.ts), so the evaluator is tested apart from any feed.
 */
const TODAY = '2026-11-24'; // the world's clock: 10:00 in 盘山县, a Tuesday
const TOWN_1 = '211122001';
const TOWN_2 = '211122002';
const TOWN_3 = '211122003';

let env: Awaited<ReturnType<typeof openWorldApp>>;
let cdcA: Actor;
let cdcB: Actor;
let townCdc: Actor;
let cookieA: string;
let cookieB: string;

const jurisdictionSeries = (feed: string) => `
  SELECT left(jurisdiction_code, $3::int) AS jurisdiction_code, NULL::text AS site_id, day, sum(value)::bigint AS value
  FROM test_feed WHERE feed = '${feed}' AND jurisdiction_code ^@ $5::text AND day BETWEEN $1::date AND $2::date
    AND $4::text IS NOT NULL
  GROUP BY 1, 3`;
const MEASURES: SignalMeasure[] = [
  {
    feed: 'drug_sales',
    measure: 'sales',
    label: { zh: '四类药品销售人次', en: 'Four-class drug sales' },
    unit: 'jurisdiction',
    dailySql: jurisdictionSeries('drug_sales'),
  },
  {
    feed: 'environment_samples',
    measure: 'positives',
    label: { zh: '环境样本阳性数', en: 'Positive samples' },
    unit: 'jurisdiction',
    dailySql: jurisdictionSeries('environment'),
  },
  {
    feed: 'school_absence',
    measure: 'absent_ill',
    label: { zh: '因病缺课人数', en: 'Absent ill' },
    unit: 'site',
    siteNames: true,
    dailySql: `SELECT jurisdiction_code, site_id, site_name, day, value::bigint AS value FROM test_feed
      WHERE feed = 'school' AND jurisdiction_code ^@ $5::text AND day BETWEEN $1::date AND $2::date
        AND $3::int IS NOT NULL AND $4::text IS NOT NULL`,
  },
];

const source = { document: '002', section: '§15' };
const SALES_TOWN: TriggerRule = {
  id: 'test-sales-town',
  title: { zh: '乡镇四类药品销售异常升高', en: 'Four-class drug sales up in a town' },
  feed: 'drug_sales',
  measure: 'sales',
  level: 'town',
  windowDays: 1,
  baseline: { kind: 'same_weekday_mean', weeks: 4 },
  threshold: { kind: 'ratio_to_baseline', ratio: 2, minCount: 10 },
  source,
};
const SALES_COUNTY: TriggerRule = { ...SALES_TOWN, id: 'test-sales-county', level: 'county' };
const ANY_POSITIVE: TriggerRule = {
  id: 'test-environment-positive',
  title: { zh: '环境或物品样本阳性', en: 'Positive environment sample' },
  feed: 'environment_samples',
  measure: 'positives',
  level: 'town',
  windowDays: 1,
  baseline: { kind: 'none' },
  threshold: { kind: 'at_least', count: 1 },
  source,
};
const ABSENCE_CLUSTER: TriggerRule = {
  id: 'test-school-absence',
  title: { zh: '学校因病缺课聚集', en: 'School absence cluster' },
  feed: 'school_absence',
  measure: 'absent_ill',
  level: 'site',
  windowDays: 3,
  baseline: { kind: 'none' },
  threshold: { kind: 'at_least', count: 10 },
  source,
};
const inForce = (...rules: TriggerRule[]) =>
  rules.map((rule) => ({ rule, packId: 'test', packVersion: '1' }));

async function feed(
  kind: string,
  code: string,
  daysBack: number,
  value: number,
  site?: { id: string; name: string },
): Promise<void> {
  await env.db.query(
    'INSERT INTO test_feed (feed, jurisdiction_code, site_id, site_name, day, value) VALUES ($1, $2, $3, $4, $5, $6)',
    [kind, code, site?.id ?? null, site?.name ?? null, addLocalDays(TODAY, -daysBack), value],
  );
}

const evaluate = (actor: Actor, root: string, ...rules: TriggerRule[]) =>
  withScope(env.db, actor, (tx) =>
    evaluateRules(env.ctx, tx, actor, root, inForce(...rules), { measures: MEASURES }),
  );

async function alertsOf(ruleId: string) {
  return env.db.query<{
    id: string;
    jurisdiction_code: string;
    unit_key: string;
    window_value: string;
    state: string;
  }>(
    'SELECT id, jurisdiction_code, unit_key, window_value, state FROM alerts WHERE rule_id = $1 ORDER BY unit_key',
    [ruleId],
  );
}

async function user(username: string, role: Role, scope: string): Promise<Actor> {
  const created = await env.db.transaction((tx) =>
    createUser(tx, undefined, {
      username,
      displayName: username,
      password: PASSWORD,
      roles: [role],
      scopes: [scope],
    }),
  );
  return actorFor(created.id, username, [role], [scope]);
}

beforeAll(async () => {
  env = await openWorldApp();
  await env.db.exec(`CREATE TABLE test_feed (feed text, jurisdiction_code text, site_id text, site_name text, day date, value int);
    GRANT SELECT ON test_feed TO fangkong_app`);
  cdcA = await user('a_cdc', 'cdc_epidemiologist', COUNTY_A);
  cdcB = await user('b_cdc', 'cdc_epidemiologist', COUNTY_B);
  townCdc = await user('a_town_cdc', 'cdc_epidemiologist', TOWN_1);
  cookieA = await signInAs(env.app, 'a_cdc');
  cookieB = await signInAs(env.app, 'b_cdc');
  // Four earlier Tuesdays of 10 sales in each of three towns; today town 1 sells 30, town 2 sells 19
  // (under twice its baseline), town 3 its usual 10.
  for (const town of [TOWN_1, TOWN_2, TOWN_3])
    for (const week of [1, 2, 3, 4]) await feed('drug_sales', town, 7 * week, 10);
  await feed('drug_sales', `${TOWN_1}001`, 0, 30);
  await feed('drug_sales', `${TOWN_2}001`, 0, 19);
  await feed('drug_sales', `${TOWN_3}001`, 0, 10);
});
afterAll(() => env.close());

const post = (url: string, cookie: string, payload?: object) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });

describe('MON-4 evaluation', () => {
  it('MON-4 a rise of four-class drug sales in one town raises an alert for that town and nowhere else', async () => {
    const outcome = await evaluate(cdcA, COUNTY_A, SALES_TOWN);
    expect(outcome).toMatchObject({ rules: 1, raised: 1 });
    const alerts = await alertsOf(SALES_TOWN.id);
    expect(alerts.map((a) => [a.jurisdiction_code, Number(a.window_value), a.state])).toEqual([
      [TOWN_1, 30, 'raised'],
    ]);
    const view = (await get(`/api/alerts/${alerts[0]!.id}`, cookieA)).json();
    expect(view).toMatchObject({ unitName: expect.any(String), windowValue: 30, baseline: 10, ratio: 3 });
    expect(view.series).toContainEqual([TODAY, 30]);
    expect(view.series).toContainEqual([addLocalDays(TODAY, -7), 10]);
  });

  it('MON-4 re-evaluation does not duplicate the alert; it keeps the latest reading', async () => {
    const outcome = await evaluate(cdcA, COUNTY_A, SALES_TOWN);
    expect(outcome).toMatchObject({ raised: 0, stillFiring: 1 });
    expect(await alertsOf(SALES_TOWN.id)).toHaveLength(1);
  });

  it('MON-4 yesterday’s complete day is read too: a rise nobody evaluated before midnight still raises its alert', async () => {
    const rule: TriggerRule = { ...SALES_TOWN, id: 'test-late-yesterday', feed: 'late_feed' };
    const late: SignalMeasure = { ...MEASURES[0]!, feed: 'late_feed', dailySql: jurisdictionSeries('late') };
    for (const week of [1, 2, 3, 4]) await feed('late', `${TOWN_3}002`, 7 * week + 1, 10);
    await feed('late', `${TOWN_3}002`, 1, 40);
    const outcome = await withScope(env.db, cdcA, (tx) =>
      evaluateRules(env.ctx, tx, cdcA, COUNTY_A, inForce(rule), { measures: [late] }),
    );
    expect(outcome).toMatchObject({ raised: 1 });
    const rows = await env.db.query<{ jurisdiction_code: string; window_end: string }>(
      `SELECT jurisdiction_code, to_char(window_end, 'YYYY-MM-DD') AS window_end FROM alerts WHERE rule_id = $1`,
      [rule.id],
    );
    expect(rows).toEqual([{ jurisdiction_code: TOWN_3, window_end: addLocalDays(TODAY, -1) }]);
  });

  it('MON-4 the same data below the threshold at the county level raises nothing (59 against 40 is under twice)', async () => {
    expect(await evaluate(cdcA, COUNTY_A, SALES_COUNTY)).toMatchObject({ rules: 1, raised: 0 });
    expect(await alertsOf(SALES_COUNTY.id)).toEqual([]);
  });

  it('MON-4 any positive environment sample fires, in its own town only', async () => {
    await feed('environment', `${TOWN_3}001`, 0, 1);
    expect(await evaluate(cdcA, COUNTY_A, ANY_POSITIVE)).toMatchObject({ raised: 1 });
    expect((await alertsOf(ANY_POSITIVE.id)).map((a) => a.jurisdiction_code)).toEqual([TOWN_3]);
  });

  it('MON-4 an absence cluster fires per school, not for the town', async () => {
    const school1 = { id: 'school-1', name: '城关镇中心小学' };
    const school2 = { id: 'school-2', name: '城关镇第二小学' };
    for (const back of [0, 1, 2]) {
      await feed('school', `${TOWN_2}001`, back, 4, school1);
      await feed('school', `${TOWN_2}001`, back, 3, school2);
    }
    expect(await evaluate(cdcA, COUNTY_A, ABSENCE_CLUSTER)).toMatchObject({ raised: 1 });
    const [alert, ...others] = await alertsOf(ABSENCE_CLUSTER.id);
    expect(others).toEqual([]);
    expect(alert!.unit_key).toBe('school-1');
    expect((await get(`/api/alerts/${alert!.id}`, cookieA)).json().unitName).toBe('城关镇中心小学');
  });

  it('MON-4 scope: another county evaluates its own subtree and never sees or raises the first county’s alerts', async () => {
    expect(await evaluate(cdcB, COUNTY_B, SALES_TOWN)).toMatchObject({ rules: 1, raised: 0 });
    const [alert] = await alertsOf(SALES_TOWN.id);
    expect((await get(`/api/alerts/${alert!.id}`, cookieB)).statusCode).toBe(404);
    expect((await post(`/api/alerts/${alert!.id}/acknowledge`, cookieB)).statusCode).toBe(404);
    expect((await get('/api/alerts', cookieB)).json().total).toBe(0);
  });

  it('MON-4 scope: a town evaluates no county-level rule (its data would be part of the county’s)', async () => {
    const outcome = await evaluate(townCdc, TOWN_1, SALES_COUNTY);
    expect(outcome.rules).toBe(0);
    expect(outcome.skipped).toEqual([{ ruleId: SALES_COUNTY.id, problem: expect.stringContaining('wider') }]);
  });

  it('MON-4 a feed whose series fails is reported as skipped; the other rules still raise their alerts', async () => {
    const broken: SignalMeasure = {
      ...MEASURES[0]!,
      feed: 'broken_feed',
      dailySql: 'SELECT * FROM no_such_feed_table',
    };
    const brokenRule: TriggerRule = { ...SALES_TOWN, id: 'test-broken', feed: 'broken_feed' };
    const positives: TriggerRule = { ...ANY_POSITIVE, id: 'test-environment-after-broken' };
    const outcome = await withScope(env.db, cdcA, (tx) =>
      evaluateRules(env.ctx, tx, cdcA, COUNTY_A, inForce(brokenRule, positives), {
        measures: [...MEASURES, broken],
      }),
    );
    expect(outcome).toMatchObject({
      rules: 1,
      raised: 1,
      skipped: [{ ruleId: 'test-broken', problem: 'evaluation failed' }],
    });
  });

  it('MON-4 the system’s run reads the rules of the pack in force (盘山县: four-class sales in a town) and adds no duplicate', async () => {
    // The world holds an open alert of that rule for town 1 (test/support/worldAlerts.ts): it still fires.
    // (The pack's other rules fire on this test's environment and school data too: their own alerts.)
    const outcome = await evaluateAll(env.ctx, { measures: MEASURES });
    expect(outcome.stillFiring).toBeGreaterThanOrEqual(1);
    const rows = await alertsOf('four-class-sales-town');
    expect(rows.map((a) => [a.jurisdiction_code, Number(a.window_value)])).toEqual([[TOWN_1, 30]]);
    const [latest] = await env.db.query<{ last_window_value: string }>(
      'SELECT last_window_value FROM alerts WHERE id = $1',
      [rows[0]!.id],
    );
    expect(Number(latest!.last_window_value)).toBe(30);
  });

  it('MON-4 as data arrives: a feed notes its change and the drain evaluates that feed there', async () => {
    await env.db.exec(`DELETE FROM alerts WHERE rule_id = '${ANY_POSITIVE.id}'`);
    await feed('environment', `${TOWN_1}001`, 0, 2);
    await withScope(env.db, cdcA, (tx) => noteSignalChange(tx, 'environment_samples', [`${TOWN_1}001`]));
    const rules = async (_ctx: unknown, _tx: unknown, root: string) => [
      { root, rules: inForce(ANY_POSITIVE, SALES_TOWN), exclude: [] },
    ];
    const outcome = await evaluateChanged(env.ctx, { rules, measures: MEASURES });
    expect(outcome).toMatchObject({ rules: 1, raised: 2 });
    expect((await alertsOf(ANY_POSITIVE.id)).map((a) => a.jurisdiction_code)).toEqual([TOWN_1, TOWN_3]);
    expect(await evaluateChanged(env.ctx, { rules, measures: MEASURES })).toMatchObject({
      rules: 0,
      raised: 0,
    });
  });

  it('MON-4 as data arrives: only the subtrees holding a change are evaluated, not the whole county', async () => {
    await withScope(env.db, cdcA, (tx) => noteSignalChange(tx, 'environment_samples', [`${TOWN_1}001`]));
    const evaluated: string[] = [];
    const rules = async (_ctx: unknown, _tx: unknown, root: string) => [
      { root, rules: inForce(ANY_POSITIVE), exclude: [TOWN_2] },
      { root: TOWN_2, rules: inForce(ANY_POSITIVE), exclude: [] },
    ];
    const outcome = await evaluateChanged(env.ctx, {
      rules: async (ctx, tx, root) => {
        evaluated.push(root);
        return rules(ctx, tx, root);
      },
      measures: MEASURES,
    });
    expect(evaluated).toEqual([COUNTY_A]);
    expect(outcome.rules).toBe(1);
  });

  it('MON-4 as data arrives: the notes are taken apart from the evaluation, and a failed evaluation notes them again', async () => {
    await withScope(env.db, cdcA, (tx) => noteSignalChange(tx, 'environment_samples', [`${TOWN_1}001`]));
    let pendingDuringEvaluation = -1;
    await expect(
      evaluateChanged(env.ctx, {
        rules: async (_ctx, tx) => {
          pendingDuringEvaluation = (await tx.query('SELECT 1 FROM signal_changes')).length;
          throw new Error('evaluation failed');
        },
        measures: MEASURES,
      }),
    ).rejects.toThrow('evaluation failed');
    expect(pendingDuringEvaluation).toBe(0);
    const notes = await env.db.query<{ feed: string; jurisdiction_code: string }>(
      'SELECT feed, jurisdiction_code FROM signal_changes',
    );
    expect(notes).toEqual([{ feed: 'environment_samples', jurisdiction_code: `${TOWN_1}001` }]);
    await env.db.exec('DELETE FROM signal_changes');
  });
});

describe('MON-4 handling: acknowledged, assessed, warned, closed; each step audited and on the deadlines list', () => {
  let id: string;
  const openItems = async () =>
    (
      await env.db.query<{ kind: string }>(
        `SELECT kind FROM deadlines WHERE subject_id = $1 AND done_at IS NULL AND cancelled_at IS NULL ORDER BY kind`,
        [id],
      )
    ).map((r) => r.kind);

  beforeAll(async () => {
    id = (await alertsOf(SALES_TOWN.id))[0]!.id;
  });

  it('MON-4 a raised alert puts acknowledgement (2 hours) and assessment (24 hours) on the CDC’s list', async () => {
    const items = await env.db.query<{ kind: string; owner_role: string; rule_id: string; hours: number }>(
      `SELECT kind, owner_role, rule_id, extract(epoch FROM due_at - opened_at)::int / 3600 AS hours
       FROM deadlines WHERE subject_id = $1 ORDER BY kind`,
      [id],
    );
    expect(items).toEqual([
      { kind: 'alert.acknowledge', owner_role: 'cdc_epidemiologist', rule_id: 'MON-4', hours: 2 },
      { kind: 'alert.assess', owner_role: 'cdc_epidemiologist', rule_id: 'MON-4', hours: 24 },
    ]);
  });

  it('MON-4 the CDC’s work list offers both items with the alert’s page as their action', async () => {
    const response = await get('/api/my-work?pageSize=100', cookieA);
    expect(response.statusCode).toBe(200);
    const mine = response
      .json()
      .items.filter((item: { action: { href: string } | null }) => item.action?.href === `/alerts/${id}`);
    expect(mine.map((item: { action: { label: { zh: string } } }) => item.action.label.zh).sort()).toEqual([
      '开展风险评估',
      '确认预警',
    ]);
  });

  it('MON-4 a raised alert cannot be closed before it is acknowledged', async () => {
    const response = await post(`/api/alerts/${id}/close`, cookieA, {
      reason: 'excluded',
      note: '数据录入错误',
    });
    expect(response.statusCode).toBe(409);
  });

  it('MON-4 acknowledge, assess, publish a warning, close', async () => {
    const acknowledged = await post(`/api/alerts/${id}/acknowledge`, cookieA);
    expect(acknowledged.json()).toMatchObject({ state: 'acknowledged', acknowledgedByName: 'a_cdc (a_cdc)' });
    expect(await openItems()).toEqual(['alert.assess']);
    expect((await post(`/api/alerts/${id}/acknowledge`, cookieA)).statusCode).toBe(409);

    const early = await post(`/api/alerts/${id}/close`, cookieA, { reason: 'handled', note: '已处置' });
    expect(early.statusCode).toBe(409);
    expect(early.json().errors[0]).toMatchObject({ field: 'reason', code: 'assessment_first' });

    const assessed = await post(`/api/alerts/${id}/assessment`, cookieA, {
      riskLevel: 'high',
      summary: '城关镇四类药品销售为基线三倍，购药人员集中于两个小区',
      measuresRecommended: '购药人员24小时内核酸检测；药店加强登记',
    });
    expect(assessed.json()).toMatchObject({ state: 'assessed', riskLevel: 'high' });
    expect(await openItems()).toEqual([]);

    const outside = await post(`/api/alerts/${id}/warning`, cookieA, {
      text: '请居民出现发热症状及时就诊',
      level: 'orange',
      audience: '辖区居民',
      jurisdictionCode: TOWN_2,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({
      field: 'jurisdictionCode',
      code: 'warning_outside_alert',
    });
    const warned = await post(`/api/alerts/${id}/warning`, cookieA, {
      text: '请居民出现发热症状及时就诊',
      level: 'orange',
      audience: '辖区居民',
      jurisdictionCode: COUNTY_A,
    });
    expect(warned.json()).toMatchObject({ warningLevel: 'orange', warningJurisdictionCode: COUNTY_A });

    const closed = await post(`/api/alerts/${id}/close`, cookieA, {
      reason: 'handled',
      note: '购药人员核酸均为阴性',
    });
    expect(closed.json()).toMatchObject({ state: 'closed', closeReason: 'handled' });

    const audit = await env.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'alert' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'alert.raise',
      'alert.acknowledge',
      'alert.assess',
      'alert.publish_warning',
      'alert.close',
    ]);
  });

  it('MON-4 a closed window does not come back on re-evaluation the same day', async () => {
    expect(await evaluate(cdcA, COUNTY_A, SALES_TOWN)).toMatchObject({ raised: 0, stillFiring: 0 });
  });

  it('MON-4 closing an alert unacknowledged items cancels them (a workflow that ends leaves none open)', async () => {
    const [alert] = await alertsOf(ABSENCE_CLUSTER.id);
    id = alert!.id;
    await post(`/api/alerts/${id}/acknowledge`, cookieA);
    const closed = await post(`/api/alerts/${id}/close`, cookieA, {
      reason: 'excluded',
      note: '学校组织体检，非因病缺课',
    });
    expect(closed.json()).toMatchObject({ state: 'closed', closeReason: 'excluded' });
    expect(await openItems()).toEqual([]);
  });

  it('MON-4 the list puts open alerts first and filters by state, feed and jurisdiction', async () => {
    const all = (await get('/api/alerts?pageSize=50', cookieA)).json();
    const states = all.items.map((a: { state: string }) => a.state);
    expect(states.indexOf('closed')).toBeGreaterThan(states.lastIndexOf('raised'));
    const open = (
      await get(`/api/alerts?state=open&feed=environment_samples&jurisdiction=${TOWN_3}`, cookieA)
    ).json();
    const codes = open.items.map((a: { jurisdictionCode: string }) => a.jurisdictionCode);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((code: string) => code !== TOWN_3)).toEqual([]);
    expect((await get(`/api/alerts?jurisdiction=${COUNTY_B}`, cookieA)).statusCode).toBe(403);
  });
});
