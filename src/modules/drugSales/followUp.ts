import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { FOLLOW_UP_OUTCOMES } from '../../rules/drugSales.js';
import { inScope } from '../../rules/roles.js';
import { closeFinishedFollowUps } from './followUpDeadlines.js';

export interface FollowUpInput {
  saleIds: readonly string[];
  contacted: boolean;
  outcome: (typeof FOLLOW_UP_OUTCOMES)[number];
  note?: string | null | undefined;
}

/**
 * Records the medical-control group's follow-up (追踪回访, MON-2) of one or many sales: whether the
 * buyer was reached and what came of it. A sale already followed up (by a colleague working the same
 * list, or a retry) keeps its record: it is counted as already done, never overwritten. The deadline of each outlet's day closes once its last sale is followed up.
 */
export async function recordFollowUps(tx: Queryable, ctx: AppContext, actor: Actor, input: FollowUpInput) {
  if (!input.contacted && input.outcome !== 'unreachable')
    throw new AppError('validation', [fieldError('outcome', 'enum')]);
  if (input.contacted && input.outcome === 'unreachable')
    throw new AppError('validation', [fieldError('contacted', 'enum')]);
  const ids = [...new Set(input.saleIds.map((id) => id.toLowerCase()))];
  const found = await tx.query<{ id: string; code: string; done: boolean; batch: string | null }>(
    `SELECT s.id, s.jurisdiction_code AS code, s.followed_up_at IS NOT NULL AS done, d.id AS batch
     FROM drug_sales s LEFT JOIN drug_sale_days d ON d.outlet_id = s.outlet_id AND d.day = s.sale_day
     WHERE s.id = ANY($1::uuid[])`,
    [ids],
  );
  const visible = found.filter((f) => inScope(f.code, actor.scopes));
  if (visible.length < ids.length) throw notFound();
  const now = ctx.now();
  const updated = await tx.query(
    `UPDATE drug_sales SET follow_up_outcome = $2, follow_up_contacted = $3, follow_up_note = $4,
       followed_up_by = $5, followed_up_at = $6
     WHERE id = ANY($1::uuid[]) AND followed_up_at IS NULL RETURNING id`,
    [ids, input.outcome, input.contacted, input.note?.trim() || null, actor.userId, now.toISOString()],
  );
  const batches = [...new Set(visible.flatMap((f) => (f.batch ? [f.batch] : [])))];
  const deadlinesClosed = await closeFinishedFollowUps(tx, batches, { at: now, by: actor.userId });
  const codes = [...new Set(visible.map((f) => f.code))].sort();
  await recordAudit(tx, actor, {
    action: 'drug_sales.follow_up',
    entity: 'drug_sale',
    entityId: ids.length === 1 ? ids[0] : undefined,
    jurisdictionCode: codes[0] ?? actor.scopes[0] ?? '',
    detail: {
      sales: updated.length,
      saleIds: ids.slice(0, 500),
      outcome: input.outcome,
      contacted: input.contacted,
    },
  });
  return { recorded: updated.length, alreadyDone: ids.length - updated.length, deadlinesClosed };
}

/**
 * The buyer's full identity of one sale, for a caller with the unmask permission, with a real
 * reason; audited as an unmasking (DESIGN "Safe by default").
 */
export async function unmaskSale(tx: Queryable, ctx: AppContext, actor: Actor, id: string, reason: string) {
  const [row] = await tx.query<{
    code: string;
    name: string | null;
    id_cipher: Uint8Array;
    phone_cipher: Uint8Array | null;
  }>(
    'SELECT jurisdiction_code AS code, buyer_name AS name, id_cipher, phone_cipher FROM drug_sales WHERE id = $1',
    [id],
  );
  if (!row || !inScope(row.code, actor.scopes)) throw notFound();
  await recordAudit(tx, actor, {
    action: 'unmask',
    entity: 'drug_sale',
    entityId: id,
    jurisdictionCode: row.code,
    detail: { reason, fields: ['idNumber', 'phone'] },
  });
  return {
    buyerName: row.name,
    idNumber: ctx.cipher.decrypt(row.id_cipher),
    phone: row.phone_cipher ? ctx.cipher.decrypt(row.phone_cipher) : null,
  };
}
