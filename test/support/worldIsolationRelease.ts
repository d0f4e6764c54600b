import { createPerson } from '../../src/modules/persons/index.js';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { FALLBACK_CONTACT_CONTROL } from '../../src/rules/contactControl.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { contactPlan } from '../../src/rules/policy/contactPlan.js';
import { CONTACT_CASE_A } from './worldContacts.js';

/**
 * County A's home isolations for the release routes (ISO-6), written as the database's owner with no
 * deadlines, no site and no room (no one's work list, room count or deadline count changes): a
 * general contact whose 14 days at home ended yesterday (RELEASE_STAY_A: the plan allows release),
 * and one in their fourth day (RELEASE_HOSPITAL_STAY_A: a test result, a transfer to hospital).
 */
export const RELEASE_STAY_A = '16160000-0000-4000-8000-00000000a601';
export const RELEASE_HOSPITAL_STAY_A = '16160000-0000-4000-8000-00000000a602';
const CONTACTS = ['16160000-0000-4000-8000-00000000a6c1', '16160000-0000-4000-8000-00000000a6c2'];
const VILLAGE = '211122001001';
const DAY = 24 * 3_600_000;

export async function seedIsolationRelease(ctx: AppContext, admin: Actor) {
  const now = ctx.now();
  const people = await withScope(ctx.db, admin, async (tx) => [
    await createPerson(ctx, tx, admin, {
      name: '白玉兰',
      idNumber: withCheckDigit('21112219720606031'),
      jurisdictionCode: VILLAGE,
    }),
    await createPerson(ctx, tx, admin, {
      name: '白振华',
      idNumber: withCheckDigit('21112219720606042'),
      jurisdictionCode: VILLAGE,
    }),
  ]);
  for (const [i, daysAgo] of [15, 3].entries()) {
    const exposedAt = new Date(now.getTime() - daysAgo * DAY);
    const identifiedAt = new Date(exposedAt.getTime() + 2 * 3_600_000);
    const plan = contactPlan(FALLBACK_CONTACT_CONTROL, 'general', identifiedAt, exposedAt, 'Asia/Shanghai')!;
    const home = plan.steps.find((s) => s.kind === 'home_isolation')!;
    await ctx.db.query(
      `INSERT INTO contacts (id, jurisdiction_code, source_code, case_id, person_id, class, reason, exposure_kind,
         exposure_place, exposure_at, identified_at, identified_by_name, status, plan)
       VALUES ($1, $2, '211122', $3, $4, 'general', '同一小区', 'other', '盘山县某小区', $5, $6, 'a_admin (a_admin)',
         'under_control', $7)`,
      [
        CONTACTS[i],
        VILLAGE,
        CONTACT_CASE_A,
        people[i]!.id,
        exposedAt,
        identifiedAt,
        JSON.stringify({ ...plan, packId: null, packVersion: null }),
      ],
    );
    await ctx.db.query(
      `INSERT INTO isolation_stays (id, jurisdiction_code, person_id, kind, source_type, source_id, status, started_at,
         planned_end_date, created_by)
       VALUES ($1, $2, $3, 'home', 'contact', $4, 'home', $5, $6, $7)`,
      [
        i === 0 ? RELEASE_STAY_A : RELEASE_HOSPITAL_STAY_A,
        VILLAGE,
        people[i]!.id,
        CONTACTS[i],
        identifiedAt,
        home.untilDate ?? home.date,
        admin.userId,
      ],
    );
  }
}
