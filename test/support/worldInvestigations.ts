import { createPerson } from '../../src/modules/persons/index.js';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';

/**
 * County A's investigations for the investigation routes (EPI-1, EPI-2, EPI-6): two cases reported
 * and reviewed weeks ago, of people of a village of their own, each with its investigation as the
 * sweep opened it (their deadlines long done, so no one's work list or deadline counts change):
 * INVESTIGATION_A under way, for the workspace's writes, and REVIEW_A submitted by another
 * investigator (an account not in the world), awaiting the review an administrator may make.
 */
export const INVESTIGATION_A = '1a5e0000-0000-4000-8000-0000000000a1';
export const REVIEW_A = '1a5e0000-0000-4000-8000-0000000000a2';
const VILLAGE = '211122112203';
const AUTHOR = '0a0a0a0a-0000-4000-8000-00000000e1e1';

export async function seedInvestigations(ctx: AppContext, admin: Actor) {
  const people = await withScope(ctx.db, admin, async (tx) => [
    await createPerson(ctx, tx, admin, {
      name: '冯立新',
      idNumber: withCheckDigit('21112219790303007'),
      jurisdictionCode: VILLAGE,
    }),
    await createPerson(ctx, tx, admin, {
      name: '韩雪梅',
      idNumber: withCheckDigit('21112219820606008'),
      jurisdictionCode: VILLAGE,
    }),
  ]);
  const reported = new Date('2026-10-20T02:00:00Z');
  const hours = (n: number) => new Date(reported.getTime() + n * 3_600_000);
  await ctx.db.transaction(async (tx) => {
    for (const [id, person] of [
      [INVESTIGATION_A, people[0]!],
      [REVIEW_A, people[1]!],
    ] as const) {
      await tx.query(
        `INSERT INTO cases (id, jurisdiction_code, person_id, classification, status, onset_at, found_at, reported_at,
           confirmed_at, reporting_institution, reporting_doctor, reported_by, reviewed_at)
         VALUES ($1, $2, $3, 'confirmed', 'reviewed', $4, $5, $5, $5, '盘山县人民医院', '王医生', $6, $5)`,
        [id, VILLAGE, person.id, hours(-30), reported, AUTHOR],
      );
      await tx.query(
        `INSERT INTO investigations (id, case_id, jurisdiction_code, person_id, opened_at, first_due_at, complete_due_at)
         VALUES ($1, $1, $2, $3, $4, $5, $6)`,
        [id, VILLAGE, person.id, reported, hours(8), hours(24)],
      );
    }
    await tx.query(
      `UPDATE investigations SET status = 'submitted', report = '病例于发病前14天内活动轨迹已查清，可能感染来源为同住家庭成员。',
         investigator_id = $2, investigator_name = '流调员甲 (epi_author)', first_done_at = $3, first_done_by = $2,
         complete_done_at = $4, submitted_at = $4, submitted_by = $2, submitted_by_name = '流调员甲 (epi_author)'
       WHERE id = $1`,
      [REVIEW_A, AUTHOR, hours(6), hours(20)],
    );
  });
}
