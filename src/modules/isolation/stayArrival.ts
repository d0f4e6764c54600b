import type { ArriveBodyT } from '../../api/isolationStays.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { recordContactTransferred } from '../contacts/index.js';
import { returnHeldRoom } from './rooms.js';

/**
 * A stay's arrival in its room and the cancellation of an allocation (ISO-4, EPI-4). The arrival is
 * the point-to-point transfer in (点对点闭环转运): from where, in which vehicle, with which escort,
 * departed and arrived. The plan's centralised phase starts then (the stay is in_room from the
 * arrival), and a contact's 12-hour transfer deadline closes done at the arrival, the place as outcome.
 */

interface StayRow {
  id: string;
  jurisdictionCode: string;
  personId: string;
  kind: 'centralised' | 'home';
  status: string;
  sourceType: 'contact' | 'arrival';
  sourceId: string;
  siteId: string | null;
  roomId: string | null;
  allocatedAt: Date | null;
}

/** The stay, locked, visible to the caller; 404 otherwise. */
async function lockStay(tx: Queryable, stayId: string): Promise<StayRow> {
  const [row] = await tx.query<StayRow>(
    `SELECT id, jurisdiction_code AS "jurisdictionCode", person_id AS "personId", kind, status,
       source_type AS "sourceType", source_id AS "sourceId", site_id AS "siteId", room_id AS "roomId",
       allocated_at AS "allocatedAt"
     FROM isolation_stays WHERE id = $1 FOR UPDATE`,
    [stayId],
  );
  if (!row) throw notFound();
  return row;
}

/** Refuses a stay already ended; a stay past allocation cannot be arrived or cancelled again. */
function mustBeAllocated(stay: StayRow): void {
  if (stay.status === 'ended' || stay.status === 'cancelled') throw new AppError('stay_closed');
  if (stay.status !== 'allocated') throw new AppError('wrong_state');
}

/** When the person was identified (a contact) or arrived here (an arrival): no transfer precedes it. */
async function identifiedAt(tx: Queryable, stay: StayRow): Promise<Date | null> {
  const [row] = await tx.query<{ at: Date }>(
    stay.sourceType === 'contact'
      ? 'SELECT identified_at AS at FROM contacts WHERE id = $1'
      : 'SELECT arrived_at AS at FROM arrivals WHERE id = $1',
    [stay.sourceId],
  );
  return row ? new Date(row.at) : null;
}

export async function arrive(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  stayId: string,
  body: ArriveBodyT,
): Promise<void> {
  const now = ctx.now();
  const stay = await lockStay(tx, stayId);
  mustBeAllocated(stay);
  const arrivedAt = body.arrivedAt ? new Date(body.arrivedAt) : now;
  const departedAt = body.departedAt ? new Date(body.departedAt) : arrivedAt;
  if (arrivedAt.getTime() > now.getTime()) throw invalid([fieldError('arrivedAt', 'in_future')]);
  const earliest = Math.max(
    stay.allocatedAt ? new Date(stay.allocatedAt).getTime() : 0,
    (await identifiedAt(tx, stay))?.getTime() ?? 0,
  );
  if (arrivedAt.getTime() < earliest) throw invalid([fieldError('arrivedAt', 'before_allocation')]);
  if (departedAt.getTime() > arrivedAt.getTime())
    throw invalid([fieldError('arrivedAt', 'ends_before_start')]);
  const [place] = await tx.query<{ site: string; room: string }>(
    `SELECT s.name AS site, r.number AS room FROM isolation_sites s JOIN isolation_rooms r ON r.site_id = s.id
     WHERE s.id = $1 AND r.id = $2`,
    [stay.siteId, stay.roomId],
  );
  const toPlace = place ? `${place.site} ${place.room}` : '集中隔离点';
  await tx.query(
    `INSERT INTO isolation_transfers (stay_id, jurisdiction_code, direction, from_place, to_place, vehicle, escort_name,
       departed_at, arrived_at, recorded_by, recorded_at)
     VALUES ($1, $2, 'in', $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      stay.id,
      stay.jurisdictionCode,
      body.fromPlace,
      toPlace,
      body.vehicle ?? null,
      body.escortName ?? null,
      departedAt,
      arrivedAt,
      actor.userId,
      now,
    ],
  );
  await tx.query(
    `UPDATE isolation_stays SET status = 'in_room', started_at = $2, updated_at = $3, version = version + 1
     WHERE id = $1`,
    [stay.id, arrivedAt, now],
  );
  if (stay.sourceType === 'contact')
    await recordContactTransferred(tx, actor, stay.sourceId, arrivedAt, toPlace);
  await recordAudit(tx, actor, {
    action: 'isolation.arrive',
    entity: 'isolation_stay',
    entityId: stay.id,
    jurisdictionCode: stay.jurisdictionCode,
    before: { status: 'allocated' },
    after: { status: 'in_room', startedAt: arrivedAt.toISOString() },
    detail: { fromPlace: body.fromPlace, toPlace, vehicle: body.vehicle ?? null },
  });
}

/** An allocation cancelled before arrival: the stay ends as cancelled and the room is ready again. */
export async function cancelAllocation(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  stayId: string,
  reason: string,
): Promise<void> {
  const now = ctx.now();
  const stay = await lockStay(tx, stayId);
  mustBeAllocated(stay);
  await tx.query(
    `UPDATE isolation_stays SET status = 'cancelled', ended_at = $2, end_kind = 'cancelled', end_reason = $3,
       updated_at = $2, version = version + 1
     WHERE id = $1`,
    [stay.id, now, reason],
  );
  if (stay.roomId) await returnHeldRoom(tx, stay.roomId, now);
  await recordAudit(tx, actor, {
    action: 'isolation.cancel',
    entity: 'isolation_stay',
    entityId: stay.id,
    jurisdictionCode: stay.jurisdictionCode,
    before: { status: 'allocated' },
    after: { status: 'cancelled' },
    detail: { reason },
  });
}
