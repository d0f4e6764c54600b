import type { Database } from '../../src/platform/db/types.js';

/**
 * The contacts tile's figures (EPI-4) counted from the deadlines table: the open contact deadlines of
 * the county working groups (12-hour transfers and hand-overs), those overdue, and the communities'
 * home isolations, owned in the subtree.
 */
export async function expectedContactFigures(
  db: Database,
  root: string,
  now: Date,
): Promise<Map<string, number>> {
  const [row] = await db.query<{ open: number; overdue: number; home: number }>(
    `SELECT count(*) FILTER (WHERE owner_role = 'working_group')::int AS open,
       count(*) FILTER (WHERE owner_role = 'working_group' AND due_at < $2)::int AS overdue,
       count(*) FILTER (WHERE owner_role = 'community_worker')::int AS home
     FROM deadlines WHERE subject_type = 'contact' AND rule_id = 'EPI-4' AND jurisdiction_code LIKE $1
       AND done_at IS NULL AND cancelled_at IS NULL`,
    [`${root}%`, now],
  );
  return new Map([
    ['contacts.control.transfers', row?.open ?? 0],
    ['contacts.control.overdue', row?.overdue ?? 0],
    ['contacts.control.home', row?.home ?? 0],
  ]);
}
