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
