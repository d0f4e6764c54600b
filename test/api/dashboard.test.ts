import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/api/dashboard.js';
import { loadDashboard } from '../../src/platform/surfaces/dashboard.js';
import type { DashboardTile } from '../../src/platform/surfaces/types.js';
import { type Board, drilled, type Figure } from '../support/dashboardDrill.js';
import { expectedCampaign, expectedFigures } from '../support/dashboardExpected.js';
import { arrive, seedDashboardWorld } from '../support/dashboardWorld.js';
import { COUNTY_A, COUNTY_B, signInAs, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * Issue 13 Deliver 1 and 7: the situation dashboard of a jurisdiction. Every figure of every tile
 * equals a count taken straight from the base tables and the rows of the list its drill opens; a
 * write moves the right figure by one; a town or village sees its own subtree only.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
let admin: string;
let seeded: Awaited<ReturnType<typeof seedDashboardWorld>>;
const ZONE = 'Asia/Shanghai';

beforeAll(async () => {
  env = await openWorldApp();
  admin = await signInAs(env.app, 'a_admin');
  seeded = await seedDashboardWorld(env, env.app, admin);
  // 13:00 in Shanghai: the 30-minute look of the world is overdue and has climbed to the county,
  // the CAS-2 report owed at the county itself is overdue, the item seeded due at 13:20 is due soon.
  env.setNow(new Date('2026-11-24T05:00:00Z'));
});
afterAll(() => env.close());

const dashboard = async (cookie: string, jurisdiction?: string) => {
  const query = jurisdiction ? `?jurisdiction=${jurisdiction}` : '';
  return env.app.inject({ method: 'GET', url: `/api/dashboard${query}`, headers: { cookie } });
};
const read = async (cookie: string, jurisdiction?: string): Promise<Dashboard> => {
  const response = await dashboard(cookie, jurisdiction);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

/** Every figure by `<tile>.<key>`, every heat cell by `<tile>.<child>.<column>`, trend values by day. */
function valuesOf(view: Dashboard) {
  const values = new Map<string, number>();
  const figures: Array<{ id: string; figure: Figure }> = [];
  for (const tile of view.tiles) {
    expect({ tile: tile.id, error: tile.error }).toEqual({ tile: tile.id, error: false });
    const body = tile.body!;
    for (const figure of body.figures) {
      values.set(`${tile.id}.${figure.key}`, figure.value);
      figures.push({ id: `${tile.id}.${figure.key}`, figure });
    }
    for (const row of body.heat?.rows ?? [])
      for (const [i, column] of body.heat!.columns.entries())
        values.set(`${tile.id}.${row.code}.${column.key}`, row.cells[i]!.value);
    for (const series of body.trend?.series ?? [])
      for (const [i, day] of body.trend!.days.entries())
        values.set(`${tile.id}.trend.${series.key}.${day}`, series.values[i]!);
  }
  return { values, figures };
}

/** A board figure's value as the board or progress page shows it. */
function boardValue(id: string, opened: Board): number {
  const { board } = opened;
  const sum = (key: string) =>
    board.labs.reduce((n: number, lab: Record<string, number>) => n + lab[key]!, 0);
  switch (id) {
    case 'landing.dailyClear.received':
      return board.total.received;
    case 'landing.dailyClear.cleared':
      return board.total.cleared;
    case 'testing.turnaround.resulted':
      return sum('resultedToday');
    case 'testing.turnaround.late':
      return sum('lateToday');
    case 'testing.turnaround.onTimeShare':
      return Math.round((sum('onTimeToday') / sum('resultedToday')) * 1000) / 10;
  }
  // ISO-2: the demand table's row of a county, or its total row for a wider scope.
  const isolation = /^isolation\.demand\.(\w+)$/.exec(id);
  if (isolation) {
    const row = board.total ?? board.rows[0];
    if (isolation[1] === 'demanded') return row.demanded;
    if (isolation[1] === 'available') return row.capacity.total;
    return Math.max(0, row.gap);
  }
  // HC-2: the venues in use, as the supervisor's view counts them (its list holds only flagged venues).
  if (id === 'venues.scans.active') return board.activeVenues;
  const campaign = /^campaigns\.running\.(\w+)$/.exec(id);
  if (campaign) return board.totals[campaign[1]!];
  // CAS-5: the bulletin's figures of the day, local and imported together.
  const bulletin = /^bulletin\.today\.(new|cumulative)\.(\w+)$/.exec(id);
  if (bulletin)
    return ['local', 'imported'].reduce(
      (n, origin) => n + board.day.cases[origin][bulletin[2]!][bulletin[1]!],
      0,
    );
  throw new Error(`no board value for ${id}`);
}

/** Each figure equals its direct count, and the rows (or board figure) its drill opens. */
async function expectExact(cookie: string, view: Dashboard, root: string) {
  const expected = await expectedFigures(env.db, root, env.ctx.now(), ZONE, trendDaysOf(view));
  const { values, figures } = valuesOf(view);
  for (const [key, value] of values) {
    if (key.startsWith('campaigns.')) continue;
    expect({ key, value }).toEqual({ key, value: expected.get(key) ?? 0 });
  }
  // A tile the caller may not read (the bulletin without case.read) is absent with its figures.
  const shownTiles = new Set(view.tiles.map((tile) => tile.id));
  for (const key of expected.keys())
    if (!key.includes('.trend.') && shownTiles.has(key.split('.').slice(0, 2).join('.')))
      expect({ key, shown: values.has(key) }).toEqual({ key, shown: true });
  for (const { id, figure } of figures) {
    const opened = await drilled(env.app, cookie, figure.drill);
    const listed = typeof opened === 'number' ? opened : boardValue(id, opened);
    expect({ id, drill: figure.drill, value: figure.value }).toEqual({
      id,
      drill: figure.drill,
      value: listed,
    });
  }
  for (const tile of view.tiles)
    for (const row of tile.body!.heat?.rows ?? [])
      for (const cell of row.cells)
        expect({ drill: cell.drill, value: cell.value }).toEqual({
          drill: cell.drill,
          value: await drilled(env.app, cookie, cell.drill),
        });
}

const trendDaysOf = (view: Dashboard) => view.tiles.find((t) => t.body?.trend)!.body!.trend!.days;
const figure = (view: Dashboard, id: string) => valuesOf(view).values.get(id);

describe('GET /api/dashboard', () => {
  it('opens on the caller’s scope with every tile they may read, none failed', async () => {
    const view = await read(admin);
    expect(view.jurisdiction).toEqual({ code: COUNTY_A, name: '盘山县' });
    expect(view.parent).toBeNull();
    expect(view.children.length).toBeGreaterThan(5);
    expect(view.children.every((child) => child.code.length === 9 && child.code.startsWith(COUNTY_A))).toBe(
      true,
    );
    expect(view.today).toBe('2026-11-24');
    expect(view.tiles.map((tile) => tile.id)).toEqual([
      'deadlines.heat',
      'bulletin.today',
      'cases.today',
      'cases.lateness',
      'hospitals.treatment',
      'isolation.demand',
      'isolation.sites',
      'isolation.stays',
      'isolation.release',
      'arrivals.byRisk',
      'arrivals.byChannel',
      'arrivals.underControl',
      'testing.controls',
      'testing.positives',
      'testing.turnaround',
      'campaigns.running',
      'landing.dailyClear',
      'alerts.open',
      'investigations.deadlines',
      'contacts.control',
      'chains.clusters',
      'routineTesting.missed',
      'monitoring.readings',
      'venues.scans',
      'epiTeams.reserve',
    ]);
    expect(view.tiles.every((tile) => !tile.error && tile.body !== null)).toBe(true);
  });

  it('every figure equals a direct count and the rows of the list it drills into (ARR-11, TST-1, TST-2, TST-5)', async () => {
    const view = await read(admin);
    const { values } = valuesOf(view);
    await expectExact(admin, view, COUNTY_A);
    // The world is not empty where it matters: each kind of figure has something to count.
    for (const key of [
      'arrivals.byRisk.today',
      'arrivals.byRisk.today.medium',
      'arrivals.byRisk.today.high',
      'deadlines.heat.overdue',
      'deadlines.heat.dueSoon',
      'deadlines.heat.escalated',
      'arrivals.byRisk.today.none',
      'arrivals.byChannel.today.push_list',
      'arrivals.underControl.underControl',
      'testing.controls.pool_positive',
      'testing.controls.individual_positive',
      'testing.positives.today.pool',
      'testing.positives.today.single',
      'testing.turnaround.late',
      'testing.turnaround.overdue',
      'routineTesting.missed.open',
      'landing.dailyClear.outstanding',
    ])
      expect({ key, value: values.get(key) }).toEqual({ key, value: expect.toSatisfy((n: number) => n > 0) });
    expect(values.get('testing.positives.trend.pool.2026-11-20')).toBe(1);
    expect(values.get('arrivals.byRisk.days')).toBeGreaterThan(values.get('arrivals.byRisk.today')!);
  });

  it('TST-6 shows the running campaign as its progress page counts it', async () => {
    const view = await read(admin);
    const tile = view.tiles.find((t) => t.id === 'campaigns.running')!;
    const campaignId = env.world.testingA.campaignId;
    expect(tile.body!.figures[0]!.drill).toBe(`/campaigns/${campaignId}`);
    const counted = await expectedCampaign(env.db, campaignId, COUNTY_A);
    const shown = Object.fromEntries(tile.body!.figures.map((f) => [f.key, f.value]));
    expect(shown).toMatchObject(counted);
    expect(counted.sampled).toBe(6);
    expect(counted.positives).toBe(3);
    const town = VILLAGE_A.slice(0, 9);
    const inTown = (await read(admin, town)).tiles.find((t) => t.id === 'campaigns.running')!;
    expect(inTown.body!.figures[0]!.drill).toBe(`/campaigns/${campaignId}?parent=${town}`);
  });

  it('a write moves the right figure by exactly one', async () => {
    /** The change of every figure across `write`. */
    const across = async (write: () => Promise<void>) => {
      const before = valuesOf(await read(admin)).values;
      await write();
      const after = valuesOf(await read(admin)).values;
      return (id: string) => after.get(id)! - before.get(id)!;
    };
    const [overdue] = await env.db.query<{ id: string; code: string }>(
      `SELECT id, jurisdiction_code AS code FROM deadlines WHERE jurisdiction_code LIKE $1 AND length(jurisdiction_code) > 6
         AND done_at IS NULL AND cancelled_at IS NULL AND due_at < $2 ORDER BY due_at LIMIT 1`,
      [`${COUNTY_A}%`, env.ctx.now()],
    );
    const town = overdue!.code.slice(0, 9);
    const closed = await across(async () => {
      const done = await env.app.inject({
        method: 'POST',
        url: `/api/deadlines/${overdue!.id}/done`,
        headers: { cookie: admin },
        payload: { outcome: '已处理' },
      });
      expect(done.statusCode).toBe(200);
    });
    expect(closed('deadlines.heat.overdue')).toBe(-1);
    expect(closed(`deadlines.heat.${town}.overdue`)).toBe(-1);
    expect(closed('deadlines.heat.dueSoon')).toBe(0);

    const arrived = await across(async () => {
      await arrive(env, env.world.users.a_admin!, seeded.people[7]!, VILLAGE_A, env.ctx.now(), {
        channel: 'truck',
        originDivisionCode: '310101002003',
      });
    });
    expect(arrived('arrivals.byRisk.today')).toBe(1);
    expect(arrived('arrivals.byRisk.today.medium')).toBe(1);
    expect(arrived('arrivals.byRisk.today.low')).toBe(0);
    expect(arrived('arrivals.byChannel.today.truck')).toBe(1);
    expect(arrived('arrivals.byRisk.days')).toBe(1);
    expect(arrived('arrivals.underControl.underControl')).toBe(1);

    // TST-3: the single tube's positive corrected away lifts its person's control (TST-1).
    const lifted = await across(async () => {
      const corrected = await env.app.inject({
        method: 'POST',
        url: '/api/lab-results/corrections',
        headers: { cookie: admin },
        payload: { barcode: 'DASH-S-0001', result: 'negative', reason: '复核为阴性' },
      });
      expect(corrected.statusCode, corrected.body).toBe(200);
    });
    expect(lifted('testing.controls.individual_positive')).toBe(-1);
    expect(lifted('testing.controls.open')).toBe(-1);
    expect(lifted('testing.controls.pool_positive')).toBe(0);
    expect(lifted('testing.positives.today.single')).toBe(-1);
    expect(lifted('testing.positives.today.pool')).toBe(0);
    await expectExact(admin, await read(admin), COUNTY_A);
  });

  it('CMD-1: a community worker sees their village only; another subtree is refused', async () => {
    const community = await signInAs(env.app, 'a_community');
    const view = await read(community);
    expect(view.jurisdiction.code).toBe(VILLAGE_A);
    expect(view.parent).toBeNull();
    expect(view.tiles.map((t) => t.id)).not.toContain('campaigns.running');
    await expectExact(community, view, VILLAGE_A);
    expect(figure(view, 'testing.controls.pool_positive')).toBeGreaterThan(0);
    expect((await dashboard(community, COUNTY_A)).statusCode).toBe(404);
    expect((await dashboard(community, seeded.village2)).statusCode).toBe(404);
    const adminB = await signInAs(env.app, 'b_admin');
    expect((await dashboard(adminB, COUNTY_A)).statusCode).toBe(404);
    expect((await dashboard(admin, COUNTY_B)).statusCode).toBe(404);
    expect((await dashboard(admin, `${COUNTY_A}999`)).statusCode).toBe(404);
  });

  it('a town’s dashboard counts its own subtree and offers the county as the way up', async () => {
    const town = seeded.village2.slice(0, 9);
    const view = await read(admin, town);
    expect(view.parent?.code).toBe(COUNTY_A);
    await expectExact(admin, view, town);
    expect(figure(view, 'arrivals.byChannel.today.landing_code')).toBe(1);
  });
});

describe('a failing tile', () => {
  it('is shown as failed while the tiles after it load (the transaction is rolled back to before it)', async () => {
    const failing: DashboardTile = {
      id: 'test.failing',
      order: 1,
      permission: 'deadline.read',
      title: { zh: '出错', en: 'Failing' },
      load: async ({ tx }) => {
        await tx.query('SELECT 1 / 0');
        return { figures: [] };
      },
    };
    const counting: DashboardTile = {
      id: 'test.after',
      order: 2,
      permission: 'deadline.read',
      title: { zh: '之后', en: 'After' },
      load: async ({ tx, jurisdiction }) => {
        const [row] = await tx.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM jurisdictions WHERE code = $1',
          [jurisdiction],
        );
        return { figures: [{ key: 'n', label: { zh: '', en: '' }, value: row!.n, drill: '/' }] };
      },
    };
    const view = await loadDashboard(env.ctx, env.world.users.a_admin!, [counting, failing]);
    expect(view.tiles.map((t) => [t.id, t.error, t.body?.figures[0]?.value ?? null])).toEqual([
      ['test.failing', true, null],
      ['test.after', false, 1],
    ]);
  });
});
