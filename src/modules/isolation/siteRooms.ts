import type { RoomsBody, RoomView } from '../../api/isolationSites.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { fieldError, invalid, notFound } from '../../platform/errors.js';
import { roomNumbers } from '../../rules/isolationSites.js';
import { maskName } from '../../rules/landing.js';
import { inScope } from '../../rules/roles.js';
import { mayUnmask } from '../persons/index.js';
import { markRoomCleaned, setRoomInService } from './rooms.js';
import { siteRow } from './siteRegistry.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ROOM_SQL = `r.id, r.site_id AS "siteId", r.floor, r.number, r.capacity, r.state,
  to_char(r.state_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "stateChangedAt", r.note,
  to_char(r.cleaned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "cleanedAt", r.cleaned_by_name AS "cleanedByName"`;
/** Rooms by floor, then number as people read it (98 before 101). */
const ROOM_ORDER = 'r.floor, length(r.number), r.number';

/**
 * A room's id follows from its site and number, so that adding the same rooms again adds nothing
 * and a client (or a test) can name a room it has just added.
 */
const ROOM_ID_SQL = `md5('isolation_room:' || $6::text || ':' || n)::uuid`;

type OccupantRow = {
  roomId: string;
  stayId: string;
  personName: string | null;
  status: 'allocated' | 'in_room';
  startedAt: string | null;
  plannedEndDate: string;
};

async function withOccupants(
  tx: Queryable,
  actor: Actor,
  rooms: Array<Omit<RoomView, 'occupants'>>,
): Promise<RoomView[]> {
  if (rooms.length === 0) return [];
  const occupants = await tx.query<OccupantRow>(
    `SELECT st.room_id AS "roomId", st.id AS "stayId", p.name AS "personName", st.status,
       to_char(st.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "startedAt",
       to_char(st.planned_end_date, 'YYYY-MM-DD') AS "plannedEndDate"
     FROM isolation_stays st LEFT JOIN persons p ON p.id = st.person_id
     WHERE st.room_id = ANY ($1::uuid[]) AND st.status IN ('allocated', 'in_room')
     ORDER BY st.allocated_at, st.id`,
    [rooms.map((r) => r.id)],
  );
  const unmask = mayUnmask(actor);
  const byRoom = new Map<string, RoomView['occupants']>();
  for (const o of occupants) {
    const name = o.personName ?? '';
    const shown = name === '' ? '***' : unmask ? name : maskName(name);
    byRoom.set(o.roomId, [
      ...(byRoom.get(o.roomId) ?? []),
      {
        stayId: o.stayId,
        personName: shown,
        status: o.status,
        startedAt: o.startedAt,
        plannedEndDate: o.plannedEndDate,
      },
    ]);
  }
  return rooms.map((r) => ({ ...r, occupants: byRoom.get(r.id) ?? [] }));
}

/**
 * The room grid of a site (contract 1): every room by floor and number with its state and the
 * people allocated to or in it, their names masked unless the caller may unmask.
 */
export async function roomGrid(tx: Queryable, actor: Actor, siteId: string): Promise<{ items: RoomView[] }> {
  await siteRow(tx, actor, siteId);
  const rooms = await tx.query<Omit<RoomView, 'occupants'>>(
    `SELECT ${ROOM_SQL} FROM isolation_rooms r WHERE r.site_id = $1 ORDER BY ${ROOM_ORDER} LIMIT 5000`,
    [siteId],
  );
  return { items: await withOccupants(tx, actor, rooms) };
}

/**
 * Adds rooms by floor and number range (e.g. floor 3, rooms 301–330), one person each unless a
 * capacity is given (ISO-4 单人单间). Numbers the site already has are skipped and named.
 */
export async function addRooms(
  tx: Queryable,
  actor: Actor,
  siteId: string,
  input: RoomsBody,
): Promise<{ added: number; skipped: string[]; items: RoomView[] }> {
  const site = await siteRow(tx, actor, siteId);
  const wanted = new Map<string, { floor: number; capacity: number }>();
  const errors = [];
  for (const [i, f] of input.floors.entries()) {
    const numbers = roomNumbers(f.from, f.to);
    if (!numbers) {
      errors.push(fieldError(`floors.${i}.to`, 'room_range'));
      continue;
    }
    for (const n of numbers) wanted.set(n, { floor: f.floor, capacity: f.capacity ?? 1 });
  }
  if (errors.length > 0) throw invalid(errors);
  if (wanted.size > 2000) throw invalid([fieldError('floors', 'room_range')]);
  const numbers = [...wanted.keys()];
  const inserted = await tx.query<{ id: string; number: string }>(
    `INSERT INTO isolation_rooms (id, site_id, jurisdiction_code, floor, number, capacity)
     SELECT ${ROOM_ID_SQL}, $1::uuid, $2, f, n, c
     FROM unnest($3::text[], $4::int[], $5::int[]) AS t (n, f, c)
     ON CONFLICT DO NOTHING RETURNING id, number`,
    [
      siteId,
      site.jurisdictionCode,
      numbers,
      numbers.map((n) => wanted.get(n)?.floor ?? 0),
      numbers.map((n) => wanted.get(n)?.capacity ?? 1),
      siteId,
    ],
  );
  const added = new Set(inserted.map((r) => r.number));
  if (inserted.length > 0)
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'isolation_room',
      entityId: siteId,
      jurisdictionCode: site.jurisdictionCode,
      after: {
        site: site.name,
        rooms: inserted.length,
        floors: [...new Set(numbers.filter((n) => added.has(n)).map((n) => wanted.get(n)?.floor))],
      },
    });
  const rooms = await tx.query<Omit<RoomView, 'occupants'>>(
    `SELECT ${ROOM_SQL} FROM isolation_rooms r WHERE r.id = ANY ($1::uuid[]) ORDER BY ${ROOM_ORDER}`,
    [inserted.map((r) => r.id)],
  );
  return {
    added: inserted.length,
    skipped: numbers.filter((n) => !added.has(n)),
    items: rooms.map((r) => ({ ...r, occupants: [] })),
  };
}

async function roomOf(tx: Queryable, actor: Actor, roomId: string): Promise<RoomView> {
  if (!UUID.test(roomId)) throw notFound();
  const [room] = await tx.query<Omit<RoomView, 'occupants'> & { jurisdictionCode: string }>(
    `SELECT ${ROOM_SQL}, r.jurisdiction_code AS "jurisdictionCode" FROM isolation_rooms r WHERE r.id = $1`,
    [roomId],
  );
  if (!room || !inScope(room.jurisdictionCode, actor.scopes)) throw notFound();
  const { jurisdictionCode: _j, ...view } = room;
  const [withPeople] = await withOccupants(tx, actor, [view]);
  if (!withPeople) throw notFound();
  return withPeople;
}

async function scopedRoom(tx: Queryable, actor: Actor, roomId: string) {
  if (!UUID.test(roomId)) throw notFound();
  const [room] = await tx.query<{ code: string; number: string; siteId: string }>(
    'SELECT jurisdiction_code AS code, number, site_id AS "siteId" FROM isolation_rooms WHERE id = $1',
    [roomId],
  );
  if (!room || !inScope(room.code, actor.scopes)) throw notFound();
  return room;
}

/** Turnover: a room waiting for cleaning is cleaned and disinfected (消杀完成) and ready; audited, who and when. */
export async function roomCleaned(tx: Queryable, actor: Actor, roomId: string, at: Date): Promise<RoomView> {
  const room = await scopedRoom(tx, actor, roomId);
  const before = await markRoomCleaned(tx, roomId, { userId: actor.userId, name: actor.displayName }, at);
  if (!before) throw notFound();
  if (before === 'cleaning')
    await recordAudit(tx, actor, {
      action: 'isolation.room_cleaned',
      entity: 'isolation_room',
      entityId: roomId,
      jurisdictionCode: room.code,
      before: { state: before },
      after: { state: 'ready', number: room.number, siteId: room.siteId, cleanedAt: at.toISOString() },
    });
  return roomOf(tx, actor, roomId);
}

/** Out of service (not while anyone is in the room) and back; audited. */
export async function roomService(
  tx: Queryable,
  actor: Actor,
  roomId: string,
  input: { inService: boolean; note?: string | null | undefined },
  at: Date,
): Promise<RoomView> {
  const room = await scopedRoom(tx, actor, roomId);
  const note = input.note?.trim() || null;
  const before = await setRoomInService(tx, roomId, input.inService, note, at);
  if (!before) throw notFound();
  const target = input.inService ? 'ready' : 'out_of_service';
  const changed = input.inService ? before === 'out_of_service' : before !== 'out_of_service';
  if (changed)
    await recordAudit(tx, actor, {
      action: input.inService ? 'isolation.room_in_service' : 'isolation.room_out_of_service',
      entity: 'isolation_room',
      entityId: roomId,
      jurisdictionCode: room.code,
      before: { state: before },
      after: { state: target, number: room.number, siteId: room.siteId, note },
    });
  return roomOf(tx, actor, roomId);
}
