import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadLabResultsDemo } from '../../src/modules/labResults/index.js';
import { createPersons, insertTube } from '../support/testingTubes.js';
import { COUNTY_A, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

let env: Awaited<ReturnType<typeof openWorldApp>>;
beforeAll(async () => {
  env = await openWorldApp();
});
afterAll(() => env.close());

it('TST-1 demo: the lab receives the sealed tubes, one pool positive (even beside a single tube already positive, CAS-2), the rest negative; a re-run changes nothing', async () => {
  const actor = env.world.users.a_admin!;
  const members = await createPersons(env.ctx, actor, VILLAGE_A, 3, 3);
  const openedAt = new Date(env.ctx.now().getTime() - 3_600_000);
  await insertTube(env.ctx, {
    barcode: 'DEMO-000001',
    jurisdictionCode: COUNTY_A,
    members: [members[0]!],
    openedAt,
  });
  await insertTube(env.ctx, {
    barcode: 'DEMO-000002',
    jurisdictionCode: COUNTY_A,
    members: members.slice(1),
    openedAt,
  });
  await insertTube(env.ctx, { barcode: 'DEMO-000003', jurisdictionCode: COUNTY_A, openedAt, sealed: false });
  // The world already holds a case's single positive tube (CAS-2): it is no pool, so it does not stand in for one.
  const [single] = await env.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM tubes WHERE result = 'positive' AND member_count = 1",
  );
  expect(single!.n).toBeGreaterThan(0);
  await loadLabResultsDemo(env.ctx, actor);
  const state = () =>
    env.db.query<{ barcode: string; result: string | null; received: boolean }>(
      "SELECT barcode, result, received_at IS NOT NULL AS received FROM tubes WHERE barcode ^@ 'DEMO-' ORDER BY barcode",
    );
  const first = await state();
  expect(first).toEqual([
    { barcode: 'DEMO-000001', result: 'negative', received: true },
    { barcode: 'DEMO-000002', result: 'positive', received: true },
    { barcode: 'DEMO-000003', result: null, received: false },
  ]);
  const [controls] = await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person_controls');
  expect(controls!.n).toBe(2);
  await loadLabResultsDemo(env.ctx, actor);
  expect(await state()).toEqual(first);
});
