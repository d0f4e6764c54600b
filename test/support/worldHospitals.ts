import { createPerson } from '../../src/modules/persons/index.js';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';

/**
 * County A's treatment (CAS-3, CAS-4), for the hospital routes: a designated hospital owing its
 * 48-hour emptying, a confirmed case awaiting transfer, and an asymptomatic one on its way (a
 * transfer the cancel route can cancel). Its two patients live in a village of their own, away
 * from the world's other people.
 */
export const HOSPITAL_A = '4059a000-0000-4000-8000-00000000000a';
export const TREAT_CASE_A = '4059a000-0000-4000-8000-0000000000c1';
export const ON_THE_WAY_A = '4059a000-0000-4000-8000-0000000000d2';
const CASE_ON_THE_WAY = '4059a000-0000-4000-8000-0000000000c2';
const VILLAGE = '211122112206';

export async function seedHospitals(ctx: AppContext, admin: Actor): Promise<void> {
  const [first, second] = await withScope(ctx.db, admin, async (tx) => [
    await createPerson(ctx, tx, admin, {
      name: '周建国',
      idNumber: withCheckDigit('21112219750301001'),
      jurisdictionCode: VILLAGE,
    }),
    await createPerson(ctx, tx, admin, {
      name: '吴秀兰',
      idNumber: withCheckDigit('21112219820715002'),
      jurisdictionCode: VILLAGE,
    }),
  ]);
  const now = ctx.now();
  await ctx.db.query(
    `INSERT INTO hospitals (id, jurisdiction_code, name, kind, status, beds, icu_beds, negative_pressure_beds, supply_days,
       emptying_owed_at)
     VALUES ($1, '211122', '盘山县定点医院', 'designated', 'in_use', 100, 10, 10, 30, $2)`,
    [HOSPITAL_A, now],
  );
  for (const [id, person, classification] of [
    [TREAT_CASE_A, first!.id, 'confirmed'],
    [CASE_ON_THE_WAY, second!.id, 'asymptomatic'],
  ] as const)
    await ctx.db.query(
      `INSERT INTO cases (id, jurisdiction_code, person_id, classification, found_at, reported_at, reporting_institution,
         reporting_doctor, reported_by)
       VALUES ($1, $2, $3, $4, $5, $5, '盘山县人民医院', '王医生', $6)`,
      [id, VILLAGE, person, classification, now, admin.userId],
    );
  await ctx.db.query(
    `INSERT INTO hospital_stays (id, jurisdiction_code, case_id, person_id, hospital_id, from_place, status,
       requested_at, requested_by, transfer_due_at)
     VALUES ($1, $2, $3, $4, $5, '家中', 'requested', $6, $7, $6::timestamptz + interval '2 hours')`,
    [ON_THE_WAY_A, VILLAGE, CASE_ON_THE_WAY, second!.id, HOSPITAL_A, now, admin.userId],
  );
}
