import { createPerson } from '../../src/modules/persons/index.js';
import type { Actor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';

/**
 * Cases for the chains routes (EPI-5), reported and reviewed weeks ago so that no deadline or list of
 * today changes: CHAIN_A1, CHAIN_A2, CHAIN_A3 in county A, linked CHAIN_A2 → CHAIN_A3 (CHAIN_LINK_A,
 * for the remove route), and CHAIN_B1 in county B (out of county A's scope).
 */
export const CHAIN_A1 = 'c4a10000-0000-4000-8000-0000000000a1';
export const CHAIN_A2 = 'c4a10000-0000-4000-8000-0000000000a2';
export const CHAIN_A3 = 'c4a10000-0000-4000-8000-0000000000a3';
export const CHAIN_B1 = 'c4a10000-0000-4000-8000-0000000000b1';
export const CHAIN_LINK_A = 'c4a1111e-0000-4000-8000-0000000000a1';
const VILLAGE_A = '211122112203';
const AUTHOR = '0a0a0a0a-0000-4000-8000-00000000c4a1';

export async function seedChains(ctx: AppContext, adminA: Actor, adminB: Actor, villageB: string) {
  const person = (admin: Actor, name: string, id: string, code: string) =>
    withScope(ctx.db, admin, (tx) =>
      createPerson(ctx, tx, admin, { name, idNumber: withCheckDigit(id), jurisdictionCode: code }),
    );
  const rows: Array<[string, string, string]> = [
    [CHAIN_A1, (await person(adminA, '邵春生', '21112219700101021', VILLAGE_A)).id, VILLAGE_A],
    [CHAIN_A2, (await person(adminA, '邵秋红', '21112219720202022', VILLAGE_A)).id, VILLAGE_A],
    [CHAIN_A3, (await person(adminA, '邵小东', '21112220000303023', VILLAGE_A)).id, VILLAGE_A],
    [CHAIN_B1, (await person(adminB, '包银花', '15040219750404024', villageB)).id, villageB],
  ];
  const reported = new Date('2026-10-10T02:00:00Z');
  await ctx.db.transaction(async (tx) => {
    for (const [i, [id, personId, code]] of rows.entries()) {
      const at = new Date(reported.getTime() + i * 86_400_000);
      await tx.query(
        `INSERT INTO cases (id, jurisdiction_code, person_id, classification, status, onset_at, found_at, reported_at,
           confirmed_at, reporting_institution, reporting_doctor, reported_by, reviewed_at)
         VALUES ($1, $2, $3, 'confirmed', 'reviewed', $4, $4, $4, $4, '盘山县人民医院', '周医生', $5, $4)`,
        [id, code, personId, at, AUTHOR],
      );
    }
    await tx.query(
      `INSERT INTO chain_links (id, infector_case_id, infectee_case_id, infector_jurisdiction, infectee_jurisdiction,
         certainty, evidence_kind, evidence, linked_by, linked_by_name, linked_at)
       VALUES ($1, $2, $3, $4, $4, 'confirmed', 'household', '同住家庭成员', $5, 'world', $6)`,
      [CHAIN_LINK_A, CHAIN_A2, CHAIN_A3, VILLAGE_A, AUTHOR, reported],
    );
  });
}
