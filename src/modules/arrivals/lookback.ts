import { subDays } from 'date-fns';
import { Type } from 'typebox';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { ARRIVAL_SUMMARY_FROM, type ArrivalSummary, arrivalSummarySql } from './view.js';

export const LookbackQuery = Type.Object({
  divisionCode: Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' }),
  publishedAt: Type.String({ format: 'date-time', maxLength: 40 }),
});

/** ARR-7 "追溯倒查 14 天": the look-back window is 14 days of elapsed time before publication. */
const LOOKBACK_DAYS = 14;

/**
 * ARR-7: when another province publishes a risk area, the people here who were there in the 14
 * days before (left it within the window), so that their protocol can be reviewed. An origin code
 * matches the area when one contains the other (an area's code may be finer or coarser).
 */
export async function arrivalsFromArea(
  tx: Queryable,
  actor: Actor,
  query: { divisionCode: string; publishedAt: string },
  now: Date,
): Promise<{ items: ArrivalSummary[]; from: string; to: string }> {
  const to = new Date(query.publishedAt);
  const from = subDays(to, LOOKBACK_DAYS);
  const params: unknown[] = [query.divisionCode, from, to, now];
  const scope = scopeCondition('a.jurisdiction_code', actor.scopes, params);
  const items = await tx.query<ArrivalSummary>(
    `SELECT ${arrivalSummarySql('$4')} FROM ${ARRIVAL_SUMMARY_FROM}
     WHERE (a.origin_division_code ^@ $1 OR $1 ^@ a.origin_division_code)
       AND a.left_origin_at >= $2 AND a.left_origin_at <= $3 AND ${scope}
     ORDER BY a.arrived_at DESC LIMIT 1000`,
    params,
  );
  return { items, from: from.toISOString(), to: to.toISOString() };
}
