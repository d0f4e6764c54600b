import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/api/dashboard.js';
import { DEMO_COUNTY, DEMO_PASSWORD, loadDemo } from '../../src/modules/demo/index.js';
import type { Database } from '../../src/platform/db/types.js';
import { buildApp } from '../../src/platform/http/app.js';
import { testContext } from '../support/context.js';
import { drilled } from '../support/dashboardDrill.js';
import { expectedFigures } from '../support/dashboardExpected.js';
import { freshDatabase } from '../support/database.js';
import { signInAs } from '../support/world.js';

/**
 * The demo county's dashboard as the commander opens it (issue 13 Deliver 1): every tile loads, and
 * every count figure equals a direct count of the demo's rows and the rows its drill lists, the
 * outbreak tiles' too (the sentinel feeds of MON-1, MON-3, MON-5 among them).
 */
let db: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let commander: string;
let now: Date;

beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  const { ctx } = testContext(db);
  now = ctx.now();
  await loadDemo(ctx, 600);
  ({ app } = await buildApp(ctx));
  commander = await signInAs(app, 'commander', DEMO_PASSWORD);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('the demo’s dashboard', () => {
  it('shows every tile to the commander, each figure equal to a direct count and to its list', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/dashboard',
      headers: { cookie: commander },
    });
    expect(response.statusCode).toBe(200);
    const view: Dashboard = response.json();
    expect(view.jurisdiction.code).toBe(DEMO_COUNTY);
    expect(view.tiles.filter((tile) => tile.error)).toEqual([]);
    expect(view.tiles.map((tile) => tile.id)).toContain('campaigns.running');
    const days = view.tiles.find((tile) => tile.body?.trend)!.body!.trend!.days;
    const expected = await expectedFigures(db, DEMO_COUNTY, now, view.timeZone, days);
    let nonZero = 0;
    for (const tile of view.tiles) {
      for (const figure of tile.body!.figures) {
        const id = `${tile.id}.${figure.key}`;
        if (figure.value > 0) nonZero += 1;
        if (id.startsWith('campaigns.') || figure.unit === 'percent') continue;
        expect({ id, value: figure.value }).toEqual({ id, value: expected.get(id) ?? 0 });
        const listed = await drilled(app, commander, figure.drill);
        if (typeof listed === 'number') expect({ id, value: figure.value }).toEqual({ id, value: listed });
      }
    }
    for (const row of view.tiles.find((tile) => tile.id === 'deadlines.heat')!.body!.heat!.rows)
      for (const cell of row.cells)
        expect({ drill: cell.drill, value: cell.value }).toEqual({
          drill: cell.drill,
          value: await drilled(app, commander, cell.drill),
        });
    expect(nonZero).toBeGreaterThan(10);
  });
});
