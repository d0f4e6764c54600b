import type { Database } from '../../src/platform/db/types.js';

/**
 * The investigations tile's figures (EPI-1, EPI-6) counted from the base table: under way, first
 * investigations (8 h) and complete ones (24 h) overdue, reports awaiting review. None without any
 * investigation in the subtree.
 */
export async function expectedInvestigationFigures(
  db: Database,
  root: string,
  now: Date,
): Promise<Map<string, number>> {
  const rows = await db.query<{
    status: string;
    firstDue: Date;
    firstDone: Date | null;
    completeDue: Date;
    completeDone: Date | null;
    closed: Date | null;
  }>(
    `SELECT status, first_due_at AS "firstDue", first_done_at AS "firstDone", complete_due_at AS "completeDue",
       complete_done_at AS "completeDone", closed_at AS closed
     FROM investigations WHERE jurisdiction_code LIKE $1`,
    [`${root}%`],
  );
  const [unopened] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases c WHERE c.status <> 'discarded' AND c.jurisdiction_code LIKE $1
       AND NOT EXISTS (SELECT 1 FROM investigations i WHERE i.case_id = c.id)`,
    [`${root}%`],
  );
  const owed = unopened?.n ?? 0;
  if (rows.length + owed === 0) return new Map();
  const late = (due: Date, done: Date | null, closed: Date | null) =>
    done === null && closed === null && new Date(due).getTime() < now.getTime();
  return new Map([
    [
      'investigations.deadlines.underWay',
      rows.filter((r) => ['open', 'first_done', 'returned'].includes(r.status)).length + owed,
    ],
    [
      'investigations.deadlines.firstOverdue',
      rows.filter((r) => late(r.firstDue, r.firstDone, r.closed)).length,
    ],
    [
      'investigations.deadlines.completeOverdue',
      rows.filter((r) => late(r.completeDue, r.completeDone, r.closed)).length,
    ],
    ['investigations.deadlines.awaitingReview', rows.filter((r) => r.status === 'submitted').length],
  ]);
}
