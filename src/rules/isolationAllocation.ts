/**
 * ISO-4 (002 §25 "对密切接触者、次密切接触者等…严格实施单人单间隔离"; 003 §3.4.5 集中隔离场所按用途
 * 分类使用): which rooms of a site people are placed in. One person per room; people of one household
 * share a room only when every one of their plans allows it (a contact's plan says so by a step with
 * `singleRoom: false`; an arrival's plan never does). Pure: no I/O, no clock.
 */

export type SitePurpose = 'close_contacts' | 'inbound' | 'asymptomatic' | 'key_area_arrivals';

export interface RoomCandidate {
  id: string;
  floor: number;
  number: string;
  capacity: number;
}

export interface PersonToPlace {
  /** The plan allows sharing a room with their household (ISO-4's exception). */
  sharingAllowed: boolean;
}

export type RoomChoice =
  | { ok: true; roomIds: string[] }
  | {
      ok: false;
      code: 'single_room_required' | 'room_count_mismatch' | 'not_enough_ready_rooms' | 'room_full';
    };

/** Rooms in the order a manager fills them: floor, then number as a number reads (101 < 102 < 1001). */
export function roomOrder(a: RoomCandidate, b: RoomCandidate): number {
  return (
    a.floor - b.floor || a.number.localeCompare(b.number, 'en', { numeric: true }) || a.id.localeCompare(b.id)
  );
}

/** People placed together are allowed only as one household whose every plan allows it. */
export function mayShare(people: readonly PersonToPlace[], householdKey: string | undefined): boolean {
  return Boolean(householdKey) && people.length > 0 && people.every((p) => p.sharingAllowed);
}

/**
 * The room of each person, in order. `picked`: one room id per person (a repeated id places those
 * people together); else the first ready rooms by floor and number: one each, or, for a household
 * allowed to share, the first room that takes them all.
 */
export function chooseRooms(
  people: readonly PersonToPlace[],
  ready: readonly RoomCandidate[],
  options: { picked?: readonly string[]; householdKey?: string },
): RoomChoice {
  const { picked, householdKey } = options;
  if (picked) {
    if (picked.length !== people.length) return { ok: false, code: 'room_count_mismatch' };
    const shared = new Set(picked).size < picked.length;
    if (shared && !mayShare(people, householdKey)) return { ok: false, code: 'single_room_required' };
    return { ok: true, roomIds: [...picked] };
  }
  const ordered = [...ready].sort(roomOrder);
  if (householdKey && people.length > 1) {
    if (!mayShare(people, householdKey)) return { ok: false, code: 'single_room_required' };
    const room = ordered.find((r) => r.capacity >= people.length);
    if (!room) return { ok: false, code: ordered.length > 0 ? 'room_full' : 'not_enough_ready_rooms' };
    return { ok: true, roomIds: people.map(() => room.id) };
  }
  if (ordered.length < people.length) return { ok: false, code: 'not_enough_ready_rooms' };
  return { ok: true, roomIds: people.map((_, i) => (ordered[i] as RoomCandidate).id) };
}

/**
 * A room already holding people takes more only when they are the same household, allowed to share
 * (ISO-4): never a stranger beside someone in isolation.
 */
export function mayJoin(
  occupantKeys: readonly (string | null)[],
  householdKey: string | undefined,
  people: readonly PersonToPlace[],
): boolean {
  if (occupantKeys.length === 0) return true;
  return mayShare(people, householdKey) && occupantKeys.every((k) => k !== null && k === householdKey);
}

/** The site purpose a person is placed under (003 §3.4.5): contacts; arrivals from abroad or key areas. */
export function purposeOf(
  source: { sourceType: 'contact' } | { sourceType: 'arrival'; origin: 'overseas' | 'domestic' },
): SitePurpose {
  if (source.sourceType === 'contact') return 'close_contacts';
  return source.origin === 'overseas' ? 'inbound' : 'key_area_arrivals';
}

/**
 * EPI-4 (002 §25 "做到隔离人员 12 小时内转运到集中隔离点"): a close contact's transfer is due 12 hours
 * after identification (the plan's transfer step says how many); overdue once that has passed.
 */
export function transferDue(identifiedAt: Date, withinHours = 12): Date {
  return new Date(identifiedAt.getTime() + withinHours * 3_600_000);
}

/** The parts of a stored contact plan (EPI-4, contactPlan) the isolation stays read. */
export interface StoredContactStep {
  kind: string;
  withinHours?: number;
  singleRoom?: boolean;
  date?: string;
  untilDate?: string;
  dueAt: string | Date;
  elapsed?: boolean;
}

/** The parts of a stored arrival plan (ARR-*) the isolation stays read. */
export interface StoredPhase {
  kind: string;
  startDate: string;
  endDate: string;
}

export interface IsolationNeed {
  /** Local date of the phase's last day. */
  plannedEndDate: string;
  /** The plan allows sharing a room with the household (ISO-4's exception). */
  sharingAllowed: boolean;
  /** A contact's transfer deadline (EPI-4), when the plan has one still owed. */
  transferDueAt: Date | null;
}

/**
 * What a contact's plan owes on local date `today`: centralised isolation (a centralised_isolation
 * step not ended) or home isolation (a home_isolation step not ended); null when nothing is owed.
 * Sharing is allowed only when a step says `singleRoom: false` and none says `true` (ISO-4).
 */
export function contactNeed(
  steps: readonly StoredContactStep[],
  kind: 'centralised' | 'home',
  today: string,
): IsolationNeed | null {
  const stepKind = kind === 'centralised' ? 'centralised_isolation' : 'home_isolation';
  const owed = steps.filter(
    (s) => s.kind === stepKind && !s.elapsed && (s.untilDate ?? s.date ?? '') >= today,
  );
  if (owed.length === 0) return null;
  const plannedEndDate = owed
    .map((s) => (s.untilDate ?? s.date) as string)
    .sort()
    .at(-1) as string;
  const rooms = steps.filter((s) => s.kind === 'transfer' || s.kind === 'centralised_isolation');
  const sharingAllowed =
    rooms.some((s) => s.singleRoom === false) && !rooms.some((s) => s.singleRoom === true);
  const transfer =
    kind === 'centralised' ? steps.find((s) => s.kind === 'transfer' && !s.elapsed) : undefined;
  return { plannedEndDate, sharingAllowed, transferDueAt: transfer ? new Date(transfer.dueAt) : null };
}

/**
 * What an arrival's plan owes on `today` (ARR-*): its first centralised (or home) isolation phase not
 * ended. An arrival's plan never allows sharing a room (it says nothing of households).
 */
export function arrivalNeed(
  phases: readonly StoredPhase[],
  kind: 'centralised' | 'home',
  today: string,
): IsolationNeed | null {
  const phaseKind = kind === 'centralised' ? 'centralised_isolation' : 'home_isolation';
  const phase = phases.find((p) => p.kind === phaseKind && p.endDate >= today);
  return phase ? { plannedEndDate: phase.endDate, sharingAllowed: false, transferDueAt: null } : null;
}
