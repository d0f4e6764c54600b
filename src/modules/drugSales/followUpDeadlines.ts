import type { Queryable } from '../../platform/db/types.js';
import { closeDeadline, openDeadlines } from '../../platform/deadlines/service.js';
import { followUpDue } from '../../rules/drugSales.js';

/** The follow-up batch of one outlet and local day: the subject of one MON-2 deadline. */
export const SALE_DAY_SUBJECT = 'drug_sale_day';
export const FOLLOW_UP_KIND = 'follow_up';

/**
 * Opens (or moves) the follow-up deadline of each of the outlet's `days` that has sales awaiting
 * follow-up. One obligation per outlet and day, not per sale: the medical-control group works an
 * outlet's day as one list (a county of 100,000 sales a month holds a few hundred items, not
 * 100,000), and the awaiting sale due first sets its due time (MON-2, rules/drugSales.ts). Owned by the
 * working group (医疗防控组 sits in the county's working group) at the outlet's jurisdiction, so that the
 * county's group sees it and the recording outlet's scope may open it.
 */
export async function openFollowUps(
  tx: Queryable,
  outlet: { id: string; name: string; jurisdictionCode: string },
  days: readonly string[],
  now: Date,
): Promise<void> {
  if (days.length === 0) return;
  await tx.query(
    `INSERT INTO drug_sale_days (jurisdiction_code, outlet_id, day)
     SELECT $1, $2, d FROM unnest($3::date[]) AS x(d) ON CONFLICT (outlet_id, day) DO NOTHING`,
    [outlet.jurisdictionCode, outlet.id, days],
  );
  // The awaiting sale due first: the earliest of max(sold, recorded) (rules/drugSales.ts followUpDue).
  const batches = await tx.query<{
    id: string;
    day: string;
    sold_at: Date | string | null;
    recorded_at: Date | string | null;
  }>(
    `SELECT d.id, to_char(d.day, 'YYYY-MM-DD') AS day, first.sold_at, first.recorded_at
     FROM drug_sale_days d
     LEFT JOIN LATERAL (SELECT s.sold_at, s.recorded_at FROM drug_sales s
        WHERE s.outlet_id = d.outlet_id AND s.sale_day = d.day AND s.followed_up_at IS NULL
        ORDER BY greatest(s.sold_at, s.recorded_at) LIMIT 1) first ON true
     WHERE d.outlet_id = $1 AND d.day = ANY($2::date[])`,
    [outlet.id, days],
  );
  await openDeadlines(
    tx,
    batches
      .filter((batch) => batch.sold_at !== null && batch.recorded_at !== null)
      .map((batch) => {
        const [, month, day] = batch.day.split('-').map(Number);
        return {
          ruleId: 'MON-2',
          subjectType: SALE_DAY_SUBJECT,
          subjectId: batch.id,
          kind: FOLLOW_UP_KIND,
          jurisdictionCode: outlet.jurisdictionCode,
          ownerRole: 'working_group' as const,
          dueAt: followUpDue(new Date(batch.sold_at as string), new Date(batch.recorded_at as string)),
          openedAt: now,
          title: {
            zh: `回访${outlet.name.slice(0, 60)}${month}月${day}日四类药品购药人员`,
            en: `Follow up the four-class drug buyers of ${outlet.name.slice(0, 60)} on ${batch.day}`,
          },
        };
      }),
  );
}

/** Closes the deadline of each batch among `batchIds` whose sales have all been followed up. */
export async function closeFinishedFollowUps(
  tx: Queryable,
  batchIds: readonly string[],
  done: { at: Date; by: string },
): Promise<number> {
  if (batchIds.length === 0) return 0;
  const finished = await tx.query<{ id: string }>(
    `SELECT d.id FROM drug_sale_days d WHERE d.id = ANY($1::uuid[]) AND NOT EXISTS (
       SELECT 1 FROM drug_sales s WHERE s.outlet_id = d.outlet_id AND s.sale_day = d.day AND s.followed_up_at IS NULL)`,
    [batchIds],
  );
  let closed = 0;
  for (const { id } of finished) {
    const key = { subjectType: SALE_DAY_SUBJECT, subjectId: id, kind: FOLLOW_UP_KIND };
    if (await closeDeadline(tx, key, { at: done.at, by: done.by, outcome: 'followed_up' })) closed++;
  }
  return closed;
}
