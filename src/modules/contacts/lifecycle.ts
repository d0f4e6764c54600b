import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { cancelDeadlinesByKey, closeDeadlinesByKindPrefix } from '../../platform/deadlines/service.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import type { ContactClass } from '../../rules/policy/outbreakTypes.js';
import { inScope } from '../../rules/roles.js';
import {
  CONTACT_SUBJECT,
  cancelContactDeadlines,
  HANDOVER_KIND,
  handoverDeadline,
  openContactDeadlines,
  planContact,
  planDeadlines,
  type StoredPlan,
} from './plan.js';
import { addEvent, byName } from './service.js';

// EPI-4: what happens to a contact after it is listed: reclassified (re-planned), released or
// discarded, and a hand-over accepted by the county that receives it.

interface ContactRow {
  id: string;
  jurisdictionCode: string;
  sourceCode: string;
  personId: string;
  class: ContactClass;
  status: string;
  exposureAt: Date;
  handoverState: string | null;
  plan: StoredPlan | null;
  version: number;
}

/** The contact, locked, for an action of the county that manages it (a sender sees, never acts). */
async function lockWorkable(tx: Queryable, actor: Actor, id: string): Promise<ContactRow> {
  const [row] = await tx.query<ContactRow>(
    `SELECT id, jurisdiction_code AS "jurisdictionCode", source_code AS "sourceCode", person_id AS "personId",
       class, status, exposure_at AS "exposureAt", handover_state AS "handoverState", plan, version
     FROM contacts WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!row || !inScope(row.jurisdictionCode, actor.scopes)) throw notFound();
  if (row.status === 'released' || row.status === 'discarded') throw new AppError('wrong_state');
  return row;
}

/** Every key a contact's deadlines may have: its plan's steps and the hand-over. */
function keysOf(row: ContactRow) {
  const kinds = new Set<string>([
    HANDOVER_KIND,
    'transfer',
    'centralised_isolation',
    'home_isolation',
    'health_monitoring',
  ]);
  for (const s of row.plan?.steps ?? [])
    if (s.kind === 'test') kinds.add(`test:${String(s.day ?? 0).padStart(2, '0')}`);
  return [...kinds].map((kind) => ({ subjectType: CONTACT_SUBJECT, subjectId: row.id, kind }));
}

/**
 * EPI-4: a new class means a new plan: the superseded deadlines are cancelled (wherever they are
 * owed) and the new plan's opened. The transfer of a contact raised to close counts its 12 hours from
 * the reclassification, when they became a close contact.
 */
export async function reclassify(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  cls: ContactClass,
  reason: string,
): Promise<void> {
  const row = await lockWorkable(tx, actor, id);
  if (row.class === cls) return;
  if (row.class === 'secondary_close' || cls === 'secondary_close') {
    // A secondary close contact is tied to the close contact they met; moving in or out of the class
    // would lose or lack that link.
    if (cls === 'secondary_close') throw invalid([fieldError('class', 'enum')]);
  }
  const now = ctx.now();
  await cancelDeadlinesByKey(tx, keysOf(row), `重新判定为${cls} / reclassified as ${cls}`, now);
  const plan = await planContact(ctx, tx, row.jurisdictionCode, cls, now, new Date(row.exposureAt));
  await tx.query(
    `UPDATE contacts SET class = $2, plan = $3, pack_id = $4, pack_version = $5, source_contact_id = CASE WHEN $2 = 'secondary_close' THEN source_contact_id END,
       version = version + 1, updated_at = now() WHERE id = $1`,
    [id, cls, JSON.stringify(plan), plan.packId, plan.packVersion],
  );
  const contact = { id, personId: row.personId, jurisdictionCode: row.jurisdictionCode };
  const inputs = planDeadlines(plan, contact, now);
  if (row.handoverState === 'pending') inputs.push(handoverDeadline(contact, row.sourceCode, now));
  await openContactDeadlines(tx, id, inputs, true, now);
  await addEvent(tx, id, row.jurisdictionCode, row.sourceCode, now, byName(actor), 'reclassified', {
    from: row.class,
    to: cls,
    reason,
  });
  await recordAudit(tx, actor, {
    action: 'contact.reclassify',
    entity: 'contact',
    entityId: id,
    jurisdictionCode: row.jurisdictionCode,
    before: { class: row.class },
    after: { class: cls },
    detail: { reason },
  });
}

/**
 * Release (解除管控) closes the contact's open deadlines as done; discard (排除: not a contact after
 * all) cancels them. Either way nothing stale stays on anyone's list.
 */
export async function closeContact(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  how: 'released' | 'discarded',
  reason: string,
): Promise<void> {
  const row = await lockWorkable(tx, actor, id);
  const now = ctx.now();
  if (how === 'released') {
    await closeDeadlinesByKindPrefix(
      tx,
      CONTACT_SUBJECT,
      [id],
      ['transfer', 'centralised_isolation', 'home_isolation', 'health_monitoring', 'test:', HANDOVER_KIND],
      {
        at: now,
        by: actor.userId,
        outcome: reason.slice(0, 500),
      },
    );
  } else {
    await cancelContactDeadlines(tx, id, `排除 / discarded: ${reason}`.slice(0, 500), now);
    await cancelDeadlinesByKey(tx, keysOf(row), `排除 / discarded: ${reason}`.slice(0, 500), now);
  }
  await tx.query(
    `UPDATE contacts SET status = $2, closed_at = $3, close_reason = $4, version = version + 1, updated_at = now()
     WHERE id = $1`,
    [id, how, now, reason],
  );
  await addEvent(tx, id, row.jurisdictionCode, row.sourceCode, now, byName(actor), how, { reason });
  await recordAudit(tx, actor, {
    action: how === 'released' ? 'contact.release' : 'contact.discard',
    entity: 'contact',
    entityId: id,
    jurisdictionCode: row.jurisdictionCode,
    before: { status: row.status },
    after: { status: how },
    detail: { reason },
  });
}

/**
 * Regional collaboration: the receiving county accepts a contact handed to it, and re-plans them by
 * the pack in force where they live (the sender could not read it); the 12-hour transfer still counts
 * from the identification.
 */
export async function acceptHandover(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
): Promise<void> {
  const row = await lockWorkable(tx, actor, id);
  if (row.handoverState !== 'pending') throw new AppError('handover_closed');
  const now = ctx.now();
  const [times] = await tx.query<{ identifiedAt: Date }>(
    'SELECT identified_at AS "identifiedAt" FROM contacts WHERE id = $1',
    [id],
  );
  const plan = await planContact(
    ctx,
    tx,
    row.jurisdictionCode,
    row.class,
    new Date(times?.identifiedAt ?? now),
    new Date(row.exposureAt),
  );
  await tx.query(
    `UPDATE contacts SET handover_state = 'accepted', handover_accepted_at = $2, handover_accepted_by_name = $3,
       status = 'under_control', plan = $4, pack_id = $5, pack_version = $6, version = version + 1, updated_at = now()
     WHERE id = $1`,
    [id, now, byName(actor), JSON.stringify(plan), plan.packId, plan.packVersion],
  );
  await closeDeadlinesByKindPrefix(tx, CONTACT_SUBJECT, [id], [HANDOVER_KIND], {
    at: now,
    by: actor.userId,
    outcome: 'accepted',
  });
  await cancelDeadlinesByKey(
    tx,
    keysOf(row).filter((k) => k.kind !== HANDOVER_KIND),
    '接收后按本地政策包重新制定方案 / re-planned by the receiving county',
    now,
  );
  const contact = { id, personId: row.personId, jurisdictionCode: row.jurisdictionCode };
  await openContactDeadlines(tx, id, planDeadlines(plan, contact, now), true, now);
  await addEvent(tx, id, row.jurisdictionCode, row.sourceCode, now, byName(actor), 'accepted', {
    packId: plan.packId,
    packVersion: plan.packVersion,
  });
  await recordAudit(tx, actor, {
    action: 'contact.accept',
    entity: 'contact',
    entityId: id,
    jurisdictionCode: row.jurisdictionCode,
    detail: { from: row.sourceCode },
  });
}
