import { createPerson } from '../../src/modules/persons/index.js';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { FALLBACK_CONTACT_CONTROL } from '../../src/rules/contactControl.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';
import { contactPlan } from '../../src/rules/policy/contactPlan.js';

/**
 * County A's contacts for the contact routes (EPI-4), written as the database's owner with no
 * deadlines (so no one's work list or deadline counts change): CONTACT_A, a close contact of the
 * investigations' case, under control; HANDOVER_CONTACT_A, a contact living in county A handed over
 * by county B (regional collaboration), awaiting acceptance.
 */
export const CONTACT_A = 'c0c0c0c0-0000-4000-8000-0000000000a1';
export const HANDOVER_CONTACT_A = 'c0c0c0c0-0000-4000-8000-0000000000a2';
/** County A's case whose contacts these are, and a second case for the hand-over's fixture. */
export const CONTACT_CASE_A = 'c0c0c0c0-0000-4000-8000-0000000000c1';
const OTHER_CASE_A = 'c0c0c0c0-0000-4000-8000-0000000000c2';
const VILLAGE = '211122001001';
const AUTHOR = '0a0a0a0a-0000-4000-8000-00000000c0c0';

export async function seedContacts(ctx: AppContext, admin: Actor) {
  const [caseOne, caseTwo, close, handed] = await withScope(ctx.db, admin, async (tx) => [
    await createPerson(ctx, tx, admin, {
      name: '蒋文博',
      idNumber: withCheckDigit('21112219770707013'),
      jurisdictionCode: VILLAGE,
    }),
    await createPerson(ctx, tx, admin, {
      name: '沈秀英',
      idNumber: withCheckDigit('21112219690909014'),
      jurisdictionCode: VILLAGE,
    }),
    await createPerson(ctx, tx, admin, {
      name: '邓志强',
      idNumber: withCheckDigit('21112219910909011'),
      jurisdictionCode: VILLAGE,
      householdCode: 'HH-A-0001',
    }),
    await createPerson(ctx, tx, admin, {
      name: '薛桂兰',
      idNumber: withCheckDigit('21112219660606012'),
      jurisdictionCode: VILLAGE,
    }),
  ]);
  // Reported and reviewed weeks ago, so no figure of today changes.
  const reported = new Date('2026-10-20T02:00:00Z');
  for (const [id, person] of [
    [CONTACT_CASE_A, caseOne!],
    [OTHER_CASE_A, caseTwo!],
  ] as const) {
    await ctx.db.query(
      `INSERT INTO cases (id, jurisdiction_code, person_id, classification, status, onset_at, found_at, reported_at,
         confirmed_at, reporting_institution, reporting_doctor, reported_by, reviewed_at)
       VALUES ($1, $2, $3, 'confirmed', 'reviewed', $4, $4, $4, $4, '盘山县人民医院', '李医生', $5, $4)`,
      [id, VILLAGE, person.id, reported, AUTHOR],
    );
  }
  const exposedAt = new Date('2026-10-19T10:00:00Z');
  const identifiedAt = new Date('2026-10-20T04:00:00Z');
  const plan = contactPlan(FALLBACK_CONTACT_CONTROL, 'close', identifiedAt, exposedAt, 'Asia/Shanghai');
  await ctx.db.query(
    `INSERT INTO contacts (id, jurisdiction_code, source_code, case_id, person_id, class, reason, exposure_kind,
       exposure_place, exposure_at, identified_at, identified_by_name, status, plan, handover_state)
     VALUES ($1, $2, '211122', $3, $4, 'close', '同住家庭成员', 'household', '家中', $5, $6, 'a_admin (a_admin)',
       'under_control', $7, NULL),
       ($8, $2, '150402', $9, $10, 'close', '同一餐馆同桌就餐', 'other', '红山区某餐馆', $5, $6, 'b_admin (b_admin)',
       'identified', $7, 'pending')`,
    [
      CONTACT_A,
      VILLAGE,
      CONTACT_CASE_A,
      close!.id,
      exposedAt,
      identifiedAt,
      JSON.stringify({ ...plan, packId: null, packVersion: null }),
      HANDOVER_CONTACT_A,
      OTHER_CASE_A,
      handed!.id,
    ],
  );
}
