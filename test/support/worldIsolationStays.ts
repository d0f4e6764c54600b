import { createPerson } from '../../src/modules/persons/index.js';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { FALLBACK_CONTACT_CONTROL } from '../../src/rules/contactControl.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { contactPlan } from '../../src/rules/policy/contactPlan.js';
import { CONTACT_CASE_A } from './worldContacts.js';

/**
 * County A's people owed isolation for the isolation stay routes (ISO-4, ISO-5, EPI-4), written as the
 * database's owner with no deadlines (no one's work list or deadline counts change): a site in use
 * (盘山县康宁宾馆, rooms 101 … 103), a close contact awaiting a room (STAYS_CONTACT_A), two close
 * contacts allocated rooms 102 and 103 and awaiting transfer (STAY_ARRIVE_A, STAY_CANCEL_A), and a
 * general contact owed home isolation (STAYS_GENERAL_A). Seeded with the tracing modules' cases.
 */
export const STAYS_SITE_A = '15150000-0000-4000-8000-00000000a5a1';
export const STAYS_CONTACT_A = '15150000-0000-4000-8000-00000000a5c1';
export const STAYS_GENERAL_A = '15150000-0000-4000-8000-00000000a5c4';
export const STAY_ARRIVE_A = '15150000-0000-4000-8000-00000000a551';
export const STAY_CANCEL_A = '15150000-0000-4000-8000-00000000a552';
const ALLOCATED_CONTACTS = ['15150000-0000-4000-8000-00000000a5c2', '15150000-0000-4000-8000-00000000a5c3'];
const VILLAGE = '211122001001';
const HOUR = 3_600_000;

export async function seedIsolationStays(ctx: AppContext, admin: Actor) {
  const now = ctx.now();
  const people = await withScope(ctx.db, admin, async (tx) => {
    const made = [];
    for (const [i, name] of ['石国华', '石秀兰', '龙建平', '万晓燕'].entries())
      made.push(
        await createPerson(ctx, tx, admin, {
          name,
          idNumber: withCheckDigit(`2111221975030${i + 1}021`),
          jurisdictionCode: VILLAGE,
        }),
      );
    return made;
  });
  const exposedAt = new Date(now.getTime() - 24 * HOUR);
  const identifiedAt = new Date(now.getTime() - 2 * HOUR);
  const planOf = (cls: 'close' | 'general') =>
    JSON.stringify({
      ...contactPlan(FALLBACK_CONTACT_CONTROL, cls, identifiedAt, exposedAt, 'Asia/Shanghai'),
      packId: null,
      packVersion: null,
    });
  const contacts: Array<[string, 'close' | 'general']> = [
    [STAYS_CONTACT_A, 'close'],
    [ALLOCATED_CONTACTS[0] as string, 'close'],
    [ALLOCATED_CONTACTS[1] as string, 'close'],
    [STAYS_GENERAL_A, 'general'],
  ];
  for (const [i, [id, cls]] of contacts.entries())
    await ctx.db.query(
      `INSERT INTO contacts (id, jurisdiction_code, source_code, case_id, person_id, class, reason, exposure_kind,
         exposure_place, exposure_at, identified_at, identified_by_name, status, plan)
       VALUES ($1, $2, '211122', $3, $4, $5, '同一单位同一办公室', 'workplace', '盘山县某单位', $6, $7, 'a_admin (a_admin)',
         'under_control', $8)`,
      [id, VILLAGE, CONTACT_CASE_A, people[i]!.id, cls, exposedAt, identifiedAt, planOf(cls)],
    );
  await ctx.db.query(
    `INSERT INTO isolation_sites (id, jurisdiction_code, name, kind, purposes, status, address)
     VALUES ($1, '211122', '盘山县康宁宾馆', 'hotel', ARRAY['close_contacts', 'inbound'], 'in_use', '盘山县太平街道康宁路 6 号')`,
    [STAYS_SITE_A],
  );
  const rooms = await ctx.db.query<{ id: string; number: string }>(
    `INSERT INTO isolation_rooms (site_id, jurisdiction_code, floor, number, state)
     SELECT $1, '211122', 1, n, CASE WHEN n = '101' THEN 'ready' ELSE 'occupied' END FROM unnest(ARRAY['101', '102', '103']) n
     RETURNING id, number`,
    [STAYS_SITE_A],
  );
  const roomOf = (number: string) => rooms.find((r) => r.number === number)!.id;
  const endDate = contactPlan(
    FALLBACK_CONTACT_CONTROL,
    'close',
    identifiedAt,
    exposedAt,
    'Asia/Shanghai',
  )!.steps.find((s) => s.kind === 'centralised_isolation')!;
  for (const [i, [stayId, number]] of [
    [STAY_ARRIVE_A, '102'],
    [STAY_CANCEL_A, '103'],
  ].entries())
    await ctx.db.query(
      `INSERT INTO isolation_stays (id, jurisdiction_code, person_id, kind, source_type, source_id, site_id, room_id,
         status, allocated_at, planned_end_date, created_by)
       VALUES ($1, '211122', $2, 'centralised', 'contact', $3, $4, $5, 'allocated', $6, $7, $8)`,
      [
        stayId,
        people[i + 1]!.id,
        ALLOCATED_CONTACTS[i],
        STAYS_SITE_A,
        roomOf(number as string),
        new Date(now.getTime() - HOUR),
        endDate.untilDate ?? endDate.date,
        admin.userId,
      ],
    );
}
