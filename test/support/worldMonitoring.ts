import { createPerson } from '../../src/modules/persons/index.js';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';

export interface MonitoringFixture {
  siteId: string;
  /** Rooms of floor 3, 301 … in order, each with one person in it (centralised stays). */
  rooms: Array<{ id: string; number: string; stayId: string; personId: string }>;
  /** Home stays of the village. */
  homeStays: Array<{ stayId: string; personId: string }>;
  /** A stay allocated a room (floor 4) the person has not reached: not under monitoring. */
  allocatedStayId: string;
}

/**
 * People under monitoring (ISO-4, ISO-5), written as the isolation module would have (by SQL, as
 * the superuser): a hotel of `county` with `rooms` occupied rooms on floor 3, `homes` home stays in
 * `village`, all started at `startedAt` and planned to end on `plannedEnd`.
 */
export async function seedMonitoringWorld(
  ctx: AppContext,
  actor: Actor,
  options: {
    county: string;
    village: string;
    rooms: number;
    homes: number;
    startedAt: Date;
    plannedEnd: string;
    seed: number;
    siteName?: string;
  },
): Promise<MonitoringFixture> {
  const { county, village, startedAt, plannedEnd, seed } = options;
  const personIds: string[] = [];
  await withScope(ctx.db, actor, async (tx) => {
    for (let i = 0; i < options.rooms + options.homes + 1; i++) {
      const person = await createPerson(ctx, tx, actor, {
        name: `隔离人员${seed}${String.fromCharCode(0x7532 + i)}`,
        idNumber: withCheckDigit(`${county}19${60 + seed}0202${String(i).padStart(3, '0')}`),
        jurisdictionCode: village,
      });
      personIds.push(person.id);
    }
  });
  const [site] = await ctx.db.query<{ id: string }>(
    `INSERT INTO isolation_sites (jurisdiction_code, name, kind, purposes, status, address)
     VALUES ($1, $2, 'hotel', ARRAY['close_contacts'], 'in_use', '县城解放路8号') RETURNING id`,
    [county, options.siteName ?? `隔离酒店${seed}`],
  );
  const siteId = site!.id;
  const rooms: MonitoringFixture['rooms'] = [];
  const source = '00000000-0000-4000-8000-00000000c0de';
  for (let i = 0; i < options.rooms; i++) {
    const number = `3${String(i + 1).padStart(2, '0')}`;
    const [room] = await ctx.db.query<{ id: string }>(
      `INSERT INTO isolation_rooms (site_id, jurisdiction_code, floor, number, state)
       VALUES ($1, $2, 3, $3, 'occupied') RETURNING id`,
      [siteId, county, number],
    );
    const personId = personIds[i]!;
    const [stay] = await ctx.db.query<{ id: string }>(
      `INSERT INTO isolation_stays (jurisdiction_code, person_id, kind, source_type, source_id, site_id, room_id, status,
         allocated_at, started_at, planned_end_date)
       VALUES ($1, $2, 'centralised', 'contact', $3, $4, $5, 'in_room', $6, $6, $7) RETURNING id`,
      [county, personId, source, siteId, room!.id, startedAt, plannedEnd],
    );
    rooms.push({ id: room!.id, number, stayId: stay!.id, personId });
  }
  const homeStays: MonitoringFixture['homeStays'] = [];
  for (let i = 0; i < options.homes; i++) {
    const personId = personIds[options.rooms + i]!;
    const [stay] = await ctx.db.query<{ id: string }>(
      `INSERT INTO isolation_stays (jurisdiction_code, person_id, kind, source_type, source_id, status, started_at,
         planned_end_date)
       VALUES ($1, $2, 'home', 'contact', $3, 'home', $4, $5) RETURNING id`,
      [village, personId, source, startedAt, plannedEnd],
    );
    homeStays.push({ stayId: stay!.id, personId });
  }
  const [spare] = await ctx.db.query<{ id: string }>(
    `INSERT INTO isolation_rooms (site_id, jurisdiction_code, floor, number, state)
     VALUES ($1, $2, 4, '401', 'occupied') RETURNING id`,
    [siteId, county],
  );
  const [allocated] = await ctx.db.query<{ id: string }>(
    `INSERT INTO isolation_stays (jurisdiction_code, person_id, kind, source_type, source_id, site_id, room_id, status,
       allocated_at, planned_end_date)
     VALUES ($1, $2, 'centralised', 'contact', $3, $4, $5, 'allocated', $6, $7) RETURNING id`,
    [county, personIds[personIds.length - 1], source, siteId, spare!.id, startedAt, plannedEnd],
  );
  return { siteId, rooms, homeStays, allocatedStayId: allocated!.id };
}

/** County A's home stay under monitoring, its abnormal reading (report open) and self-report link, for the route requests. */
export const MONITORING_STAY_A = '150c0000-0000-4000-8000-0000000000a1';
export const MONITORING_READING_A = '150c0000-0000-4000-8000-0000000000a2';
/** A second home stay, whose self-report link the public requests open (the first one's is reissued and revoked). */
export const MONITORING_LINKED_STAY_A = '150c0000-0000-4000-8000-0000000000a3';
/** The link's token (only its SHA-256 is stored). */
export const MONITORING_TOKEN_A = 'w0rld-self-report-token-A-000000000001';

/**
 * Seeds county A's monitoring fixture for the route requests (seedWorld): a person in home isolation
 * in the village since 20 November, planned to 31 December, one abnormal afternoon reading of
 * 23 November and a self-report link.
 */
export async function seedMonitoringRoutesWorld(
  ctx: AppContext,
  actor: Actor,
  village: string,
): Promise<void> {
  const people = await withScope(ctx.db, actor, async (tx) => [
    await createPerson(ctx, tx, actor, {
      name: '居家观察人员甲',
      idNumber: withCheckDigit(`${village.slice(0, 6)}19750505012`),
      jurisdictionCode: village,
    }),
    await createPerson(ctx, tx, actor, {
      name: '居家观察人员乙',
      idNumber: withCheckDigit(`${village.slice(0, 6)}19750505023`),
      jurisdictionCode: village,
    }),
  ]);
  for (const [stayId, person] of [
    [MONITORING_STAY_A, people[0]!],
    [MONITORING_LINKED_STAY_A, people[1]!],
  ] as const)
    await ctx.db.query(
      `INSERT INTO isolation_stays (id, jurisdiction_code, person_id, kind, source_type, source_id, status, started_at,
         planned_end_date)
       VALUES ($1, $2, $3, 'home', 'contact', '00000000-0000-4000-8000-00000000c0de', 'home', '2026-11-20T02:00:00Z', '2026-12-31')`,
      [stayId, village, person.id],
    );
  await ctx.db.query(
    `INSERT INTO monitoring_readings (id, stay_id, person_id, jurisdiction_code, local_date, slot, temperature, symptoms,
       abnormal, source, recorded_at)
     VALUES ($1, $2, $3, $4, '2026-11-23', 'pm', 37.8, '{}', true, 'staff', '2026-11-23T07:00:00Z')`,
    [MONITORING_READING_A, MONITORING_STAY_A, people[0]!.id, village],
  );
  await ctx.db.query(
    `INSERT INTO monitoring_links (stay_id, jurisdiction_code, token_hash, expires_at, issued_at)
     VALUES ($1, $2, sha256(convert_to($3, 'UTF8')), '2026-12-31T16:00:00Z', '2026-11-20T02:00:00Z')`,
    [MONITORING_LINKED_STAY_A, village, MONITORING_TOKEN_A],
  );
}
