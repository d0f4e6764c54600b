import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { openStays } from './allocation.js';
import { readSource, type SourceType } from './staySources.js';

/**
 * Home isolation (ISO-5, 002 §17 §25 "居家隔离期间严格落实不外出、一人一间、分餐制"): the community where the
 * person lives supervises it, so the stay belongs to the person's jurisdiction (a general contact's
 * managing community, an arrival's destination). It starts when recorded; monitoring takes readings
 * of it while it is open (status 'home').
 */

/** ISO-5: what the community supervises at home, shown on the stay's page. */
export const HOME_RULES = [
  { zh: '不外出', en: 'Does not go out' },
  { zh: '一人一间', en: 'One person per room' },
  { zh: '分餐制', en: 'Eats separately' },
] as const;

export async function createHomeStay(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  body: { sourceType: SourceType; sourceId: string },
): Promise<string> {
  const now = ctx.now();
  const source = await readSource(tx, actor, body, 'home', now);
  if (source === 'unknown') throw notFound();
  if (source === 'not_owed') throw invalid([fieldError('sourceId', 'home_isolation_not_owed')]);
  if ((await openStays(tx, [source.personId])).length > 0) throw new AppError('stay_open');
  const [stay] = await tx.query<{ id: string }>(
    `INSERT INTO isolation_stays (jurisdiction_code, person_id, kind, source_type, source_id, status, started_at,
       planned_end_date, created_by, created_at, updated_at)
     VALUES ($1, $2, 'home', $3, $4, 'home', $5, $6, $7, $5, $5) RETURNING id`,
    [
      source.jurisdictionCode,
      source.personId,
      source.sourceType,
      source.sourceId,
      now,
      source.plannedEndDate,
      actor.userId,
    ],
  );
  const stayId = (stay as { id: string }).id;
  await recordAudit(tx, actor, {
    action: 'isolation.home_stay',
    entity: 'isolation_stay',
    entityId: stayId,
    jurisdictionCode: source.jurisdictionCode,
    after: { status: 'home', plannedEndDate: source.plannedEndDate },
    detail: { sourceType: source.sourceType, sourceId: source.sourceId },
  });
  return stayId;
}
