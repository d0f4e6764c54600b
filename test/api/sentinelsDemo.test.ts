import { afterAll, beforeAll, expect, it } from 'vitest';
import { evaluateAll } from '../../src/modules/alerts/index.js';
import { loadDemoSentinels } from '../../src/modules/demo/index.js';
import { COUNTY_A, signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/** The demo's sentinel feeds (MON-1, MON-3, MON-5) show what the data page is for. */
let env: Awaited<ReturnType<typeof openWorldApp>>;
beforeAll(async () => {
  env = await openWorldApp();
  await loadDemoSentinels(env.ctx);
  // Loading twice changes nothing (the demo may be loaded into a data directory again).
  await loadDemoSentinels(env.ctx);
});
afterAll(() => env.close());

it('has four weeks of fever visits, an absence cluster, a school not reported today and one positive market sample', async () => {
  const cookie = await signInAs(env.app, 'a_admin');
  const response = await env.app.inject({
    method: 'GET',
    url: `/api/sentinels/overview?jurisdiction=${COUNTY_A}&days=28`,
    headers: { cookie },
  });
  expect(response.statusCode).toBe(200);
  const view = response.json();
  const clinic = view.feverVisits.find((s: { name: string }) => s.name === '县人民医院发热门诊');
  expect(clinic.values.filter((v: number) => v > 0).length).toBeGreaterThanOrEqual(27);
  const today = view.schoolAbsence.map((s: { values: Array<number | null> }) => s.values.at(-1));
  expect(today.filter((v: number | null) => v === null)).toHaveLength(1);
  const cluster = view.schoolAbsence[0].values.slice(-3);
  expect(cluster[2]).toBeGreaterThanOrEqual(11);
  expect(view.positives).toHaveLength(1);
  expect(view.positives[0].siteName).toMatch(/农贸市场$/);
  expect(view.samples.find((s: { kind: string }) => s.kind === 'cold_chain').values.at(-1)).toBeNull();
});

it('MON-4: the demo’s positive market sample and the school’s absence cluster raise their alerts, and nothing else of these feeds does', async () => {
  await evaluateAll(env.ctx);
  const alerts = await env.db.query<{ rule_id: string; site_name: string | null; jurisdiction_code: string }>(
    `SELECT rule_id, site_name, jurisdiction_code FROM alerts
     WHERE rule_id IN ('environment-positive', 'school-absence-cluster', 'fever-visits-town', 'ili-county')
     ORDER BY rule_id`,
  );
  expect(alerts.map((a) => [a.rule_id, a.site_name])).toEqual([
    ['environment-positive', null],
    ['school-absence-cluster', '太平街道中心小学'],
  ]);
  expect(alerts[0]?.jurisdiction_code).toBe('211122001');
});
