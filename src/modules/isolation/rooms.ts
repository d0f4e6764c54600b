import type { Queryable } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';

/**
 * A room's turnover (ISO-4 单人单间): ready → occupied → cleaning → ready. Only this module writes
 * isolation_rooms; allocation and release go through these functions, which lock the room first so
 * that two allocations never take one room.
 */
export interface LockedRoom {
  id: string;
  siteId: string;
  jurisdictionCode: string;
  floor: number;
  number: string;
  capacity: number;
  state: 'ready' | 'occupied' | 'cleaning' | 'out_of_service';
  /** People with a stay allocated to or in the room now. */
  occupants: number;
}

/** The room, locked for this transaction, with its current occupants; undefined when not visible. */
export async function lockRoom(tx: Queryable, roomId: string): Promise<LockedRoom | undefined> {
  const [room] = await tx.query<Omit<LockedRoom, 'occupants'>>(
    `SELECT id, site_id AS "siteId", jurisdiction_code AS "jurisdictionCode", floor, number, capacity, state
     FROM isolation_rooms WHERE id = $1 FOR UPDATE`,
    [roomId],
  );
  if (!room) return undefined;
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM isolation_stays WHERE room_id = $1 AND status IN ('allocated', 'in_room')`,
    [roomId],
  );
  return { ...room, occupants: count?.n ?? 0 };
}

/**
 * Takes `people` places in a locked room: a ready room becomes occupied; an occupied one takes more
 * only up to its capacity (a household placed together, where the plan allows — the caller checks
 * the plan). Throws room_not_ready or room_full.
 */
export async function occupyRoom(tx: Queryable, room: LockedRoom, people: number, at: Date): Promise<void> {
  if (room.state !== 'ready' && room.state !== 'occupied') throw new AppError('room_not_ready');
  if (room.state === 'occupied' && room.occupants === 0) throw new AppError('room_not_ready');
  if (room.occupants + people > room.capacity) throw new AppError('room_full');
  if (room.state === 'ready')
    await tx.query(
      `UPDATE isolation_rooms SET state = 'occupied', state_changed_at = $2, version = version + 1 WHERE id = $1`,
      [room.id, at],
    );
}

/**
 * A stay has left the room (release, next phase, hospital, cancelled allocation): once nobody is
 * left in it, the room waits for cleaning and disinfection before the next person (terminal
 * disinfection, 002 §11 "加强对房间…消毒"). Returns whether the room is now awaiting cleaning.
 */
export async function vacateRoom(tx: Queryable, roomId: string, at: Date): Promise<boolean> {
  const room = await lockRoom(tx, roomId);
  if (!room || room.occupants > 0 || room.state !== 'occupied') return false;
  await tx.query(
    `UPDATE isolation_rooms SET state = 'cleaning', state_changed_at = $2, version = version + 1 WHERE id = $1`,
    [roomId, at],
  );
  return true;
}

/**
 * Turnover (002 §11 terminal disinfection): a room waiting for cleaning is cleaned and disinfected
 * and ready for the next person; who did it and when are kept on the room. A ready room marked
 * again is left as it is (a retried click); any other state throws wrong_state. Returns the room's
 * state before, or undefined when the room is not visible.
 */
export async function markRoomCleaned(
  tx: Queryable,
  roomId: string,
  by: { userId: string | null; name: string },
  at: Date,
): Promise<LockedRoom['state'] | undefined> {
  const room = await lockRoom(tx, roomId);
  if (!room) return undefined;
  if (room.state === 'ready') return room.state;
  if (room.state !== 'cleaning' || room.occupants > 0) throw new AppError('wrong_state');
  await tx.query(
    `UPDATE isolation_rooms SET state = 'ready', state_changed_at = $2, cleaned_at = $2, cleaned_by = $3,
       cleaned_by_name = $4, version = version + 1 WHERE id = $1`,
    [roomId, at, by.userId, by.name],
  );
  return room.state;
}

/**
 * Takes a room out of service (repairs, a broken lock: it leaves the count of rooms available) or
 * puts it back (ready). Refused with site_has_occupants while anyone is allocated to or in the
 * room; a room already in the state asked for is left as it is; an out-of-service room comes back
 * ready. Returns the state before, or undefined when the room is not visible.
 */
export async function setRoomInService(
  tx: Queryable,
  roomId: string,
  inService: boolean,
  note: string | null,
  at: Date,
): Promise<LockedRoom['state'] | undefined> {
  const room = await lockRoom(tx, roomId);
  if (!room) return undefined;
  if (inService) {
    if (room.state !== 'out_of_service') return room.state;
  } else {
    if (room.occupants > 0 || room.state === 'occupied') throw new AppError('site_has_occupants');
    if (room.state === 'out_of_service') return room.state;
  }
  await tx.query(
    `UPDATE isolation_rooms SET state = $2, state_changed_at = $3, note = $4, version = version + 1 WHERE id = $1`,
    [roomId, inService ? 'ready' : 'out_of_service', at, note],
  );
  return room.state;
}

/**
 * An allocation cancelled before the person arrived: nobody stayed in the room, so once no one else
 * holds it, it goes straight back to ready (no terminal disinfection is owed). Call AFTER the stay's
 * status is updated. Returns whether the room is ready again.
 */
export async function returnHeldRoom(tx: Queryable, roomId: string, at: Date): Promise<boolean> {
  const room = await lockRoom(tx, roomId);
  if (!room || room.occupants > 0 || room.state !== 'occupied') return false;
  await tx.query(
    `UPDATE isolation_rooms SET state = 'ready', state_changed_at = $2, version = version + 1 WHERE id = $1`,
    [roomId, at],
  );
  return true;
}
