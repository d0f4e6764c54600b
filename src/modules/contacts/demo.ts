import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { createBatch, createOne } from './service.js';

/** The reason of the demo's household contact: its presence marks the demo as loaded. */
const HOUSEHOLD_REASON = '与病例同住，末次接触在病例发病前一天';

/**
 * The demo county's contacts (EPI-4): for its latest local case, a close contact from the household
 * (12-hour transfer open), a general contact from the workplace (14 days at home with the community),
 * and a secondary close contact met by the close contact — each pushed to control by the pack.
 * Runs once: nothing is added when the county already has the demo's household contact (a reload
 * would otherwise list three more residents).
 */
export async function loadContactsDemo(ctx: AppContext, actor: Actor, county: string): Promise<number> {
  const [done] = await ctx.db.query(
    'SELECT 1 FROM contacts WHERE source_code ^@ $1 AND reason = $2 LIMIT 1',
    [county, HOUSEHOLD_REASON],
  );
  if (done) return 0;
  return withScope(ctx.db, actor, async (tx) => {
    const [kase] = await tx.query<{ id: string; personId: string; reportedAt: Date }>(
      `SELECT id, person_id AS "personId", reported_at AS "reportedAt" FROM cases
       WHERE jurisdiction_code ^@ $1 AND status <> 'discarded' AND classification <> 'suspected'
       ORDER BY reported_at DESC LIMIT 1`,
      [county],
    );
    if (!kase) return 0;
    const people = await tx.query<{ id: string }>(
      `SELECT p.id FROM persons p WHERE p.jurisdiction_code ^@ $1 AND p.id <> $2
         AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.person_id = p.id)
       ORDER BY p.created_at, p.id LIMIT 3`,
      [`${county}`, kase.personId],
    );
    const [first, second, third] = people;
    if (!first || !second || !third) return 0;
    const at = (hours: number) =>
      new Date(new Date(kase.reportedAt).getTime() - hours * 3_600_000).toISOString();
    const close = await createOne(ctx, tx, actor, {
      caseId: kase.id,
      class: 'close',
      reason: HOUSEHOLD_REASON,
      personId: first.id,
      exposure: { kind: 'household', place: '家中', at: at(20) },
    });
    await createOne(ctx, tx, actor, {
      caseId: kase.id,
      class: 'general',
      reason: '同单位不同楼层，无近距离接触',
      personId: second.id,
      exposure: { kind: 'workplace', place: '盘山县某单位', at: at(30) },
    });
    await createBatch(ctx, tx, actor, {
      caseId: kase.id,
      class: 'secondary_close',
      reason: '与密切接触者同车上班',
      sourceContactId: close.contactId,
      candidates: [{ personId: third.id, exposure: { kind: 'transport', place: '通勤私家车', at: at(10) } }],
    });
    return 3;
  });
}
