import type { ReleaseQueue } from '../../api/isolationRelease.js';
import type { Actor } from '../../platform/access/actor.js';
import { firstScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { maskName } from '../../rules/landing.js';
import { inScope } from '../../rules/roles.js';
import { endOfLocalDay, localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { mayUnmask } from '../persons/index.js';
import { evaluateStay, STAY_COLUMNS, type StayRow } from './releaseCheck.js';

/** The queue is cut here (the earliest first): a day's releases at one county are far fewer. */
const QUEUE_CAP = 300;

/** Local dates of today and tomorrow in the jurisdiction's zone. */
async function queueDays(ctx: AppContext, tx: Queryable, jurisdiction: string) {
  const timeZone = await effectiveTimeZone(tx, jurisdiction, ctx.config.defaultTimeZone);
  const today = localDate(ctx.now(), timeZone);
  const tomorrow = localDate(endOfLocalDay(today, timeZone), timeZone);
  return { today, tomorrow };
}

/**
 * ISO-6 release queue: open stays (in a room, or at home) whose phase ends today or earlier, or
 * tomorrow, each with the release check's answer — who may go, and what still holds the others.
 */
export async function releaseQueue(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  jurisdiction: string | undefined,
  filter: { due?: 'today' | 'tomorrow' | undefined; state?: 'allowed' | 'blocked' | undefined } = {},
): Promise<ReleaseQueue> {
  if (jurisdiction && !inScope(jurisdiction, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  const root = jurisdiction ?? firstScope(actor.scopes);
  const { today, tomorrow } = await queueDays(ctx, tx, root);
  const rows = await tx.query<
    StayRow & { name: string | null; siteName: string | null; roomNumber: string | null }
  >(
    `SELECT ${STAY_COLUMNS}, p.name, si.name AS "siteName", r.number AS "roomNumber"
     FROM isolation_stays s
     LEFT JOIN persons p ON p.id = s.person_id
     LEFT JOIN isolation_sites si ON si.id = s.site_id
     LEFT JOIN isolation_rooms r ON r.id = s.room_id
     WHERE s.status IN ('in_room', 'home') AND s.planned_end_date <= $1::date
       AND ($2::text IS NULL OR s.jurisdiction_code ^@ $2)
       AND ($3::text IS NULL OR ($3 = 'today') = (s.planned_end_date <= $4::date))
     ORDER BY s.planned_end_date, s.kind, si.name, r.floor, r.number, s.id
     LIMIT ${QUEUE_CAP + 1}`,
    [tomorrow, jurisdiction ?? null, filter.due ?? null, today],
  );
  const unmask = mayUnmask(actor);
  const items: ReleaseQueue['items'] = [];
  for (const row of rows.slice(0, QUEUE_CAP)) {
    const { view } = await evaluateStay(ctx, tx, row);
    if (filter.state && (filter.state === 'allowed') !== view.allowed) continue;
    const name = row.name ?? '';
    items.push({
      stayId: row.id,
      kind: row.kind,
      status: row.status,
      sourceType: row.sourceType,
      personName: name === '' ? '***' : unmask ? name : maskName(name),
      jurisdictionCode: row.jurisdictionCode,
      siteName: row.siteName,
      roomNumber: row.roomNumber,
      plannedEndDate: row.plannedEndDate,
      due: row.plannedEndDate <= today ? 'today' : 'tomorrow',
      allowed: view.allowed,
      reasons: view.reasons,
      next: view.next,
    });
  }
  return { today, items, capped: rows.length > QUEUE_CAP };
}
