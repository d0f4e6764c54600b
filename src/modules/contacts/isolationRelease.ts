import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { closeDeadlinesByKindPrefix } from '../../platform/deadlines/service.js';
import { closeContact } from './lifecycle.js';
import { CONTACT_SUBJECT } from './plan.js';

/**
 * ISO-6 (002 §3 "检测结果为阴性者，方可解除集中医学观察"): a contact's stay in isolation has ended by
 * release. The deadlines of that span (`kinds`: e.g. 'centralised_isolation' and its tests
 * 'test:14') close done; when nothing of the plan follows, the contact is released as a whole
 * (closeContact: every open deadline closes done, the history and the audit say so). Called by the
 * isolation module inside the release's transaction; the isolation module has checked the plan.
 */
export async function recordContactIsolationEnded(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  contactId: string,
  kinds: readonly string[],
  releaseContact: boolean,
  reason: string,
): Promise<void> {
  const [row] = await tx.query<{ status: string }>('SELECT status FROM contacts WHERE id = $1', [contactId]);
  if (!row || row.status === 'released' || row.status === 'discarded') return;
  await closeDeadlinesByKindPrefix(tx, CONTACT_SUBJECT, [contactId], kinds, {
    at: ctx.now(),
    by: actor.userId,
    outcome: reason.slice(0, 500),
  });
  if (releaseContact) await closeContact(ctx, tx, actor, contactId, 'released', reason);
}
