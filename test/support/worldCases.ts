import { createPerson } from '../../src/modules/persons/index.js';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';

/**
 * County A's positive individual result (CAS-2), for the case routes: a person of a village of their
 * own (away from the world's other people) whose single tube came back positive half an hour ago.
 * Written as the lab would leave it, without the tasks a posted result opens: only the report card's
 * routes read it.
 */
export const CASE_TUBE_A = 'CAS2-A-000001';
const VILLAGE = '211122112203';

export async function seedCases(ctx: AppContext, admin: Actor, site: { labId: string; siteId: string }) {
  const person = await withScope(ctx.db, admin, (tx) =>
    createPerson(ctx, tx, admin, {
      name: '郑海涛',
      idNumber: withCheckDigit('21112219880412003'),
      jurisdictionCode: VILLAGE,
    }),
  );
  const now = ctx.now();
  const sampled = new Date(now.getTime() - 3 * 3_600_000);
  const resulted = new Date(now.getTime() - 30 * 60_000);
  await ctx.db.transaction(async (tx) => {
    const [tube] = await tx.query<{ id: string }>(
      `INSERT INTO tubes (barcode, jurisdiction_code, site_id, category, capacity, member_count, opened_at, sealed_at,
         due_at, lab_id, received_at, result, resulted_at)
       VALUES ($1, '211122', $2, 'hospital', 1, 1, $3, $3, $4, $5, $3, 'positive', $6) RETURNING id`,
      [CASE_TUBE_A, site.siteId, sampled, new Date(sampled.getTime() + 6 * 3_600_000), site.labId, resulted],
    );
    await tx.query(
      `INSERT INTO samples (tube_id, person_id, jurisdiction_code, purpose, sampled_at)
       VALUES ($1, $2, '211122', 'other', $3)`,
      [tube!.id, person.id, sampled],
    );
  });
  return { personId: person.id };
}
