import type { Actor } from '../../platform/access/actor.js';
import { firstScope, scopeCondition } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import {
  boardClear,
  type CommunityDay,
  isClear,
  localDayRange,
  outstanding,
  totalOf,
} from '../../rules/landing.js';
import { inScope } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';

interface CommunityRow extends CommunityDay {
  code: string;
  name: string | null;
  outstanding: number;
  clear: boolean;
}

export interface DailyClearBoard {
  date: string;
  timeZone: string;
  jurisdictionCode: string;
  clear: boolean;
  total: CommunityDay & { outstanding: number };
  communities: CommunityRow[];
}

/**
 * ARR-11 每日清零 for one local day: per community, the reports received that day, how many are
 * verified, fed back and cleared, and the earlier ones still open. A community with nothing
 * outstanding is green; the board is green when every community on it is. Counts are as of now.
 */
export async function dailyClearBoard(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  jurisdiction: string | undefined,
  date: string | undefined,
): Promise<DailyClearBoard> {
  const code = jurisdiction ?? firstScope(actor.scopes);
  if (!inScope(code, actor.scopes)) throw notFound();
  const timeZone = await effectiveTimeZone(tx, code, ctx.config.defaultTimeZone);
  const day = date ?? localDate(ctx.now(), timeZone);
  const { start, end } = localDayRange(day, timeZone);
  const params: unknown[] = [];
  const scope = scopeCondition('r.jurisdiction_code', [code], params);
  params.push(start, end);
  const s = `$${params.length - 1}`;
  const e = `$${params.length}`;
  const today = `r.submitted_at >= ${s} AND r.submitted_at < ${e}`;
  const rows = await tx.query<CommunityDay & { code: string; name: string | null }>(
    `SELECT r.jurisdiction_code AS code,
       (SELECT j.name FROM jurisdictions j WHERE j.code = r.jurisdiction_code) AS name,
       (count(*) FILTER (WHERE ${today}))::int AS received,
       (count(*) FILTER (WHERE ${today} AND r.verified_at IS NOT NULL))::int AS verified,
       (count(*) FILTER (WHERE ${today} AND r.feedback_at IS NOT NULL))::int AS "fedBack",
       (count(*) FILTER (WHERE ${today} AND r.cleared))::int AS cleared,
       (count(*) FILTER (WHERE r.submitted_at < ${s} AND NOT r.cleared))::int AS backlog
     FROM landing_reports r
     WHERE ${scope} AND ((${today}) OR (r.submitted_at < ${s} AND NOT r.cleared))
     GROUP BY r.jurisdiction_code ORDER BY r.jurisdiction_code`,
    params,
  );
  const communities = rows.map((row) => ({ ...row, outstanding: outstanding(row), clear: isClear(row) }));
  const total = totalOf(rows);
  return {
    date: day,
    timeZone,
    jurisdictionCode: code,
    clear: boardClear(rows),
    total: { ...total, outstanding: outstanding(total) },
    communities,
  };
}
