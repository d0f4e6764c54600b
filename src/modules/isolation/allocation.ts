import type { AllocationBodyT } from '../../api/isolationStays.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { chooseRooms, mayJoin, type RoomCandidate } from '../../rules/isolationAllocation.js';
import { type LockedRoom, lockRoom, occupyRoom } from './rooms.js';
import { readSources, type StaySource, shownName } from './staySources.js';

/**
 * Allocation (ISO-4 单人单间, contract 2): people owed centralised isolation are given rooms of an
 * active site in use whose purposes include theirs. One person per room; a household shares one
 * only where every plan allows it. Rooms are locked (rooms.ts) so two allocations never take one;
 * without rooms named, the site's next ready rooms by floor and number are taken, skipping rooms
 * another allocation holds at that moment. The stay's planned end is the plan's phase end.
 */

interface SiteRow {
  id: string;
  name: string;
  jurisdictionCode: string;
  purposes: string[];
  status: string;
  active: boolean;
}

export interface Allocated {
  stayId: string;
  roomId: string;
  roomNumber: string;
  personName: string;
}

/** The site, visible to the caller (row-level security), or 404. */
async function readSite(tx: Queryable, siteId: string): Promise<SiteRow> {
  const [site] = await tx.query<SiteRow>(
    `SELECT id, name, jurisdiction_code AS "jurisdictionCode", purposes, status, active
     FROM isolation_sites WHERE id = $1`,
    [siteId],
  );
  if (!site) throw notFound();
  return site;
}

/** People of `personIds` with an open stay anywhere (migration 0196: one outside the caller's scope too). */
export async function openStays(tx: Queryable, personIds: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ personId: string }>(
    'SELECT x AS "personId" FROM fangkong_persons_with_open_stay($1::uuid[]) x',
    [personIds],
  );
  return rows.map((r) => r.personId);
}

/** The unique index of one open stay per person turns a concurrent second allocation into stay_open. */
export function isOpenStayConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return (
    e?.code === '23505' && `${e.constraint ?? ''} ${e.message ?? ''}`.includes('isolation_stays_open_person')
  );
}

async function readPeople(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  body: AllocationBodyT,
): Promise<StaySource[]> {
  const now = ctx.now();
  const sources: StaySource[] = [];
  const read = await readSources(tx, actor, body.people, 'centralised', now);
  for (const [index, source] of read.entries()) {
    if (source === 'unknown') throw notFound();
    if (source === 'not_owed') throw invalid([fieldError(`people.${index}.sourceId`, 'isolation_not_owed')]);
    sources.push(source);
  }
  const seen = new Set<string>();
  for (const [index, source] of sources.entries()) {
    if (seen.has(source.personId)) throw invalid([fieldError(`people.${index}`, 'person_listed_twice')]);
    seen.add(source.personId);
  }
  return sources;
}

/** Ready rooms of the site, locked for this allocation; rooms another allocation holds are skipped. */
async function readyRooms(tx: Queryable, siteId: string, limit: number, minCapacity: number) {
  return tx.query<RoomCandidate>(
    `SELECT id, floor, number, capacity FROM isolation_rooms
     WHERE site_id = $1 AND state = 'ready' AND capacity >= $3
     ORDER BY floor, length(number), number LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [siteId, limit, minCapacity],
  );
}

async function occupantKeys(tx: Queryable, roomId: string): Promise<(string | null)[]> {
  const rows = await tx.query<{ key: string | null }>(
    `SELECT household_key AS key FROM isolation_stays WHERE room_id = $1 AND status IN ('allocated', 'in_room')`,
    [roomId],
  );
  return rows.map((r) => r.key);
}

export async function allocate(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  body: AllocationBodyT,
): Promise<Allocated[]> {
  const now = ctx.now();
  const site = await readSite(tx, body.siteId);
  if (!site.active || site.status !== 'in_use')
    throw invalid([fieldError('siteId', 'isolation_site_not_in_use')]);
  const people = await readPeople(ctx, tx, actor, body);
  for (const [index, person] of people.entries())
    if (!site.purposes.includes(person.purpose))
      throw invalid([fieldError(`people.${index}.sourceId`, 'site_purpose_mismatch')]);
  if (
    (
      await openStays(
        tx,
        people.map((p) => p.personId),
      )
    ).length > 0
  )
    throw new AppError('stay_open');

  let ready: RoomCandidate[] = [];
  if (body.roomIds) {
    const known = await tx.query<{ id: string }>(
      'SELECT id FROM isolation_rooms WHERE id = ANY ($1::uuid[]) AND site_id = $2',
      [body.roomIds, site.id],
    );
    const ids = new Set(known.map((r) => r.id));
    const stranger = body.roomIds.findIndex((id) => !ids.has(id));
    if (stranger >= 0) throw invalid([fieldError(`roomIds.${stranger}`, 'room_not_of_site')]);
  } else {
    const together = Boolean(body.householdKey) && people.length > 1;
    ready = await readyRooms(tx, site.id, together ? 1 : people.length, together ? people.length : 1);
  }
  const choice = chooseRooms(people, ready, {
    ...(body.roomIds && { picked: body.roomIds }),
    ...(body.householdKey && { householdKey: body.householdKey }),
  });
  if (!choice.ok) {
    if (choice.code === 'single_room_required' || choice.code === 'room_full')
      throw new AppError(choice.code);
    throw invalid([fieldError(body.roomIds ? 'roomIds' : 'siteId', choice.code)]);
  }

  // Lock each room once, in a fixed order (no two allocations wait on each other in a cycle).
  const byRoom = new Map<string, StaySource[]>();
  choice.roomIds.forEach((roomId, i) => {
    byRoom.set(roomId, [...(byRoom.get(roomId) ?? []), people[i] as StaySource]);
  });
  const rooms = new Map<string, LockedRoom>();
  for (const roomId of [...byRoom.keys()].sort()) {
    const room = await lockRoom(tx, roomId);
    if (!room || room.siteId !== site.id) throw invalid([fieldError('roomIds', 'room_not_of_site')]);
    const placed = byRoom.get(roomId) as StaySource[];
    if (room.occupants > 0 && !mayJoin(await occupantKeys(tx, roomId), body.householdKey, placed))
      throw new AppError('room_not_ready');
    await occupyRoom(tx, room, placed.length, now);
    rooms.set(roomId, room);
  }

  const inserted = await tx.query<{ id: string; personId: string }>(
    `INSERT INTO isolation_stays (jurisdiction_code, person_id, kind, source_type, source_id, site_id, room_id,
       household_key, status, allocated_at, planned_end_date, created_by, created_at, updated_at)
     SELECT $1, x.person_id, 'centralised', x.source_type, x.source_id, $2, x.room_id, $3, 'allocated', $4,
       x.end_date, $5, $4, $4
     FROM unnest($6::uuid[], $7::text[], $8::uuid[], $9::uuid[], $10::date[])
       AS x(person_id, source_type, source_id, room_id, end_date)
     RETURNING id, person_id AS "personId"`,
    [
      site.jurisdictionCode,
      site.id,
      body.householdKey ?? null,
      now,
      actor.userId,
      people.map((p) => p.personId),
      people.map((p) => p.sourceType),
      people.map((p) => p.sourceId),
      choice.roomIds,
      people.map((p) => p.plannedEndDate),
    ],
  );
  const stayOf = new Map(inserted.map((r) => [r.personId, r.id]));
  const result = people.map((person, i): Allocated => {
    const roomId = choice.roomIds[i] as string;
    return {
      stayId: stayOf.get(person.personId) as string,
      roomId,
      roomNumber: (rooms.get(roomId) as LockedRoom).number,
      personName: shownName(actor, person.personName),
    };
  });
  for (const [i, stay] of result.entries()) {
    const person = people[i] as StaySource;
    await recordAudit(tx, actor, {
      action: 'isolation.allocate',
      entity: 'isolation_stay',
      entityId: stay.stayId,
      jurisdictionCode: site.jurisdictionCode,
      after: { status: 'allocated', siteId: site.id, roomId: stay.roomId },
      detail: {
        sourceType: person.sourceType,
        sourceId: person.sourceId,
        site: site.name,
        room: stay.roomNumber,
        plannedEndDate: person.plannedEndDate,
        ...(body.householdKey && { householdKey: body.householdKey }),
      },
    });
  }
  return result;
}
