import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAt, seededRandom } from '../../src/modules/demo/index.js';
import { drugSalesSignals, loadDrugSalesDemo } from '../../src/modules/drugSales/index.js';
import { createUser } from '../../src/platform/access/accounts.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { localDate } from '../../src/rules/time.js';
import { COUNTY_A, PASSWORD } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * MON-2's demo feeds MON-4: four weeks of four-class sales across 盘山县's towns, with a rise in one
 * town over the last two days — above twice the same weekday's 4-week mean and 20 sales there, and
 * nowhere else (the panshan-2021 pack's trigger `four-class-sales-town`).
 */
const NOW = new Date('2026-12-07T06:00:00Z'); // 14:00 in 盘山县
const ZONE = 'Asia/Shanghai';
let env: Awaited<ReturnType<typeof openWorldApp>>;

beforeAll(async () => {
  env = await openWorldApp();
  env.setNow(NOW);
  for (const [username, role] of [
    ['pharmacy', 'pharmacy'],
    ['working_group', 'working_group'],
  ] as const)
    await env.db.transaction((tx) =>
      createUser(tx, undefined, {
        username,
        displayName: username,
        password: PASSWORD,
        roles: [role],
        scopes: [COUNTY_A],
      }),
    );
  const buyers = Array.from({ length: 200 }, (_, i) =>
    withCheckDigit(`21112219700101${String(i).padStart(3, '0')}`),
  );
  await loadDrugSalesDemo(env.ctx, {
    county: COUNTY_A,
    timeZone: ZONE,
    buyers,
    random: seededRandom(7),
    at: (daysAgo, hour, minute) => localAt(NOW, ZONE, daysAgo, hour, minute),
  });
}, 120_000);
afterAll(() => env.close());

describe('MON-2 demo sales for the MON-4 trigger', () => {
  it('rises in one town over the last two days and nowhere else', async () => {
    const measure = drugSalesSignals.find((m) => m.measure === 'sales')!;
    const first = localDate(new Date(NOW.getTime() - 28 * 86_400_000), ZONE);
    const today = localDate(NOW, ZONE);
    const series = await env.db.query<{
      jurisdiction_code: string;
      day: Date | string;
      value: string | number;
    }>(measure.dailySql, [first, today, 9, ZONE, COUNTY_A]);
    const value = (code: string, day: string) =>
      Number(
        series.find((r) => r.jurisdiction_code === code && localDate(new Date(r.day), 'UTC') === day)
          ?.value ?? 0,
      );
    const towns = [...new Set(series.map((r) => r.jurisdiction_code))];
    expect(towns.length).toBeGreaterThan(3);
    const yesterday = localDate(new Date(NOW.getTime() - 86_400_000), ZONE);
    const fired = towns.filter((town) => {
      const baseline =
        [7, 14, 21, 28]
          .map((weeks) =>
            value(
              town,
              localDate(new Date(new Date(`${yesterday}T12:00:00Z`).getTime() - weeks * 86_400_000), 'UTC'),
            ),
          )
          .reduce((a, b) => a + b, 0) / 4;
      const day = value(town, yesterday);
      return day >= 20 && day >= 2 * baseline;
    });
    expect(fired).toHaveLength(1);
  });

  it('leaves yesterday’s and today’s sales awaiting follow-up, with their deadlines open, and closes the older ones', async () => {
    const open = await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deadlines WHERE subject_type = 'drug_sale_day' AND done_at IS NULL`,
    );
    const older = await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM drug_sales WHERE followed_up_at IS NULL AND sale_day < $1::date - 1`,
      [localDate(NOW, ZONE)],
    );
    expect(open[0]!.n).toBeGreaterThan(0);
    expect(older[0]!.n).toBe(0);
  });
});
