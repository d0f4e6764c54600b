import { TZDate } from '@date-fns/tz';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import type { HealthCode, PassOutcome } from '../../rules/checkpointOutcome.js';
import { endOfLocalDay, localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { getCheckpoint } from './checkpoints.js';
import { MISSING_PROOF_SQL, PASS_VIEW_SQL, type PassCounts, type PassView } from './passView.js';

export interface PassQuery {
  /** Local calendar date at the checkpoint (YYYY-MM-DD); default today. */
  date?: string | undefined;
  outcome?: PassOutcome | undefined;
  /** HC-3 log filters: direction ('unrecorded': old passes), code colour, a proof missing. */
  direction?: 'in' | 'out' | 'unrecorded' | undefined;
  healthCode?: HealthCode | undefined;
  missingProof?: boolean | undefined;
  page: number;
  pageSize: number;
}

export interface PassPage {
  date: string;
  items: PassView[];
  total: number;
  page: number;
  pageSize: number;
  counts: PassCounts;
}

function startOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, timeZone).getTime());
}

/**
 * One checkpoint's passes of one local day, newest first, with the day's counts for the staff's
 * board: by outcome, and fever, held and handed over (a traveller can be several of these).
 */
export async function listPasses(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  checkpointId: string,
  query: PassQuery,
): Promise<PassPage> {
  const checkpoint = await getCheckpoint(tx, actor, checkpointId);
  const timeZone = await effectiveTimeZone(tx, checkpoint.jurisdictionCode, ctx.config.defaultTimeZone);
  const date = query.date ?? localDate(ctx.now(), timeZone);
  const window = [checkpoint.id, startOfLocalDay(date, timeZone), endOfLocalDay(date, timeZone)];
  const range = 'x.checkpoint_id = $1 AND x.passed_at >= $2 AND x.passed_at < $3';
  const tallies = await tx.query<PassCounts>(
    `SELECT count(*)::int AS total,
       count(*) FILTER (WHERE outcome = 'pass')::int AS pass,
       count(*) FILTER (WHERE outcome = 'medical')::int AS medical,
       count(*) FILTER (WHERE outcome = 'hold')::int AS hold,
       count(*) FILTER (WHERE outcome = 'register_and_hand_over')::int AS "registerAndHandOver",
       count(*) FILTER (WHERE 'fever' = ANY (reasons))::int AS fever,
       count(*) FILTER (WHERE 'health_code' = ANY (reasons))::int AS held,
       count(*) FILTER (WHERE handover IS NOT NULL)::int AS "handedOver",
       count(*) FILTER (WHERE direction = 'in')::int AS "directionIn",
       count(*) FILTER (WHERE direction = 'out')::int AS "directionOut",
       count(*) FILTER (WHERE ${MISSING_PROOF_SQL})::int AS "missingProof"
     FROM checkpoint_passes x WHERE ${range}`,
    window,
  );
  const counts = firstRow(tallies, 'SELECT counts of checkpoint_passes');
  const offset = (query.page - 1) * query.pageSize;
  const filters = `${range} AND ($4::text IS NULL OR x.outcome = $4)
    AND ($5::text IS NULL OR ($5 = 'unrecorded' AND x.direction IS NULL) OR x.direction = $5)
    AND ($6::text IS NULL OR x.health_code = $6)
    AND ($7::boolean IS NULL OR ${MISSING_PROOF_SQL} = $7)`;
  const params = [
    ...window,
    query.outcome ?? null,
    query.direction ?? null,
    query.healthCode ?? null,
    query.missingProof ?? null,
  ];
  const items = await tx.query<PassView>(
    `SELECT ${PASS_VIEW_SQL} FROM checkpoint_passes x
     WHERE ${filters}
     ORDER BY x.passed_at DESC, x.id LIMIT ${query.pageSize} OFFSET ${offset}`,
    params,
  );
  const filtered = query.direction || query.healthCode || query.missingProof !== undefined;
  const total = filtered
    ? firstRow(
        await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM checkpoint_passes x WHERE ${filters}`,
          params,
        ),
        'SELECT count of checkpoint_passes',
      ).n
    : query.outcome
      ? (counts[query.outcome === 'register_and_hand_over' ? 'registerAndHandOver' : query.outcome] ?? 0)
      : counts.total;
  return { date, items, total, page: query.page, pageSize: query.pageSize, counts };
}
