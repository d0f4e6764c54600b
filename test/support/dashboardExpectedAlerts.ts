import type { Database } from '../../src/platform/db/types.js';

/** MON-4: the open alerts of the subtree by state, and the open ones assessed high, counted from the table. */
export async function expectedAlertFigures(db: Database, root: string): Promise<Map<string, number>> {
  const [row] = await db.query<{ raised: number; acknowledged: number; assessed: number; high: number }>(
    `SELECT count(*) FILTER (WHERE state = 'raised')::int AS raised,
       count(*) FILTER (WHERE state = 'acknowledged')::int AS acknowledged,
       count(*) FILTER (WHERE state = 'assessed')::int AS assessed,
       count(*) FILTER (WHERE state <> 'closed' AND risk_level = 'high')::int AS high
     FROM alerts WHERE jurisdiction_code LIKE $1`,
    [`${root}%`],
  );
  return new Map(Object.entries(row!).map(([key, value]) => [`alerts.open.${key}`, value]));
}
