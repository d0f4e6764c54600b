import type { Dashboard } from '../../api/dashboard.js';
import { effectiveTimeZone } from '../../modules/jurisdictions/index.js';
import { inScope } from '../../rules/roles.js';
import type { Actor } from '../access/actor.js';
import { withScope } from '../access/scope.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/types.js';
import { notFound } from '../errors.js';
import { trendDays } from './days.js';
import type { DashboardRequest, DashboardTile } from './types.js';

type Place = Dashboard['jurisdiction'];
type TileView = Dashboard['tiles'][number];

/** The broadest of the caller's scopes (the first of equals): where their dashboard opens. */
function broadestScope(scopes: readonly string[]): string {
  const [broadest] = [...scopes].sort((a, b) => a.length - b.length);
  if (broadest === undefined) throw new Error('an account without a scope');
  return broadest;
}

/**
 * One tile in a savepoint of the dashboard's transaction: a tile that fails (a query error aborts
 * the transaction on PostgreSQL) is rolled back to where it started, logged, and shown as failed,
 * and the tiles after it still load. A tile that answers null is left out.
 */
async function loadTile(
  tx: Queryable,
  tile: DashboardTile,
  request: DashboardRequest,
): Promise<TileView | null> {
  const head = { id: tile.id, title: tile.title, order: tile.order };
  await tx.exec('SAVEPOINT dashboard_tile');
  try {
    const body = await tile.load(request);
    await tx.exec('RELEASE SAVEPOINT dashboard_tile');
    return body ? { ...head, error: false, body } : null;
  } catch (error) {
    await tx.exec('ROLLBACK TO SAVEPOINT dashboard_tile');
    await tx.exec('RELEASE SAVEPOINT dashboard_tile');
    request.ctx.log.error({ err: error, tile: tile.id }, 'dashboard tile failed');
    return { ...head, error: true, body: null };
  }
}

/**
 * The situation dashboard (态势总览) of `code` (default: the caller's broadest scope), 404 outside
 * the caller's scope: every tile of `tiles` whose permission the caller holds, in order, all read in
 * one scoped transaction so that row-level security bounds each of them.
 */
export async function loadDashboard(
  ctx: AppContext,
  actor: Actor,
  tiles: readonly DashboardTile[],
  code: string = broadestScope(actor.scopes),
): Promise<Dashboard> {
  if (!inScope(code, actor.scopes)) throw notFound();
  const now = ctx.now();
  return withScope(ctx.db, actor, async (tx) => {
    const [node] = await tx.query<Place & { parentCode: string | null }>(
      'SELECT code, name, parent_code AS "parentCode" FROM jurisdictions WHERE code = $1',
      [code],
    );
    if (!node) throw notFound();
    const parentCode = node.parentCode && inScope(node.parentCode, actor.scopes) ? node.parentCode : null;
    const [parent] = parentCode
      ? await tx.query<Place>('SELECT code, name FROM jurisdictions WHERE code = $1', [parentCode])
      : [];
    const children = await tx.query<Place>(
      'SELECT code, name FROM jurisdictions WHERE parent_code = $1 ORDER BY code',
      [code],
    );
    const timeZone = await effectiveTimeZone(tx, code, ctx.config.defaultTimeZone);
    const days = trendDays(now, timeZone);
    const request: DashboardRequest = { ctx, tx, actor, now, jurisdiction: code, children, timeZone, days };
    const shown = tiles
      .filter((tile) => actor.permissions.has(tile.permission))
      .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    const views: TileView[] = [];
    for (const tile of shown) {
      const view = await loadTile(tx, tile, request);
      if (view) views.push(view);
    }
    return {
      jurisdiction: { code: node.code, name: node.name },
      parent: parent ?? null,
      children,
      timeZone,
      today: days[days.length - 1] ?? '',
      generatedAt: now.toISOString(),
      tiles: views,
    };
  });
}
