import type { Queryable } from '../db/types.js';

/**
 * MON-4 "evaluated as data arrives": a feed module calls `noteSignalChange` inside its own write
 * transaction (row-level security applies: the codes are the written rows' jurisdictions); the alerts
 * module's evaluator takes the notes shortly after and re-evaluates that feed's rules there. Feeds
 * name no alerts code, and a busy counter adds one upsert per write, not an evaluation.
 */
export async function noteSignalChange(
  tx: Queryable,
  feed: string,
  jurisdictionCodes: readonly string[],
): Promise<void> {
  const codes = [...new Set(jurisdictionCodes)];
  if (codes.length === 0) return;
  await tx.query(
    `INSERT INTO signal_changes (feed, jurisdiction_code, changed_at)
     SELECT $1, code, now() FROM unnest($2::text[]) AS code
     ON CONFLICT (feed, jurisdiction_code) DO UPDATE SET changed_at = excluded.changed_at`,
    [feed, codes],
  );
}

export interface SignalChange {
  feed: string;
  jurisdictionCode: string;
}

/**
 * Takes (removes and returns) the pending notes, within the caller's transaction: evaluating them in
 * the same transaction means a failed evaluation leaves them pending.
 */
export function takeSignalChanges(tx: Queryable): Promise<SignalChange[]> {
  return tx.query<SignalChange>(
    'DELETE FROM signal_changes RETURNING feed, jurisdiction_code AS "jurisdictionCode"',
  );
}
