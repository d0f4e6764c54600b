import type { Actor } from '../../platform/access/actor.js';
import { firstScope, withScope } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import { type LimitRule, type LimitVerdict, rateLimited, takeHit } from '../../platform/limits/index.js';

/**
 * Exact searches by ID number or phone answer "is this the number?", so they are an oracle against
 * a masked number (DESIGN "Safe by default"): each is audited by its keyed hash, never the value,
 * counted per user, and refused past a limit. Work at a desk looks up a person every few seconds at
 * most; 20 a minute leaves room for that, and 120 an hour stops someone pacing just under it. A
 * masked ID number leaves at least 100 candidates (src/rules/birthBand.ts), so trying them takes an
 * attacker over five minutes and raises an alert on the way.
 */
const EXACT_SEARCH_LIMITS: readonly LimitRule[] = [
  { name: 'persons.exact-search.minute', max: 20, windowSeconds: 60 },
  { name: 'persons.exact-search.hour', max: 120, windowSeconds: 3600 },
];

/** Unmasking shows the number itself: 10 in ten minutes is a busy tracer's pace; more is refused. */
const UNMASK_LIMITS: readonly LimitRule[] = [{ name: 'persons.unmask', max: 10, windowSeconds: 600 }];

type AlertKind = 'exact_search_burst' | 'unmask_burst';

/** Counts one hit under every rule; the first refused one, if any. */
async function countHits(ctx: AppContext, rules: readonly LimitRule[], actor: Actor) {
  let refused: { rule: LimitRule; verdict: LimitVerdict } | undefined;
  for (const rule of rules) {
    const verdict = await takeHit(ctx.db, rule, actor.userId, ctx.now());
    if (!verdict.allowed && !refused) refused = { rule, verdict };
  }
  return refused;
}

/** One alert per user and window: raised by the first hit past the limit. */
async function raiseAlert(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  kind: AlertKind,
  rule: LimitRule,
  verdict: LimitVerdict,
) {
  if (verdict.count !== rule.max + 1) return;
  await tx.query(
    `INSERT INTO person_privacy_alerts (jurisdiction_code, kind, user_id, user_name, hits, window_seconds, raised_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      firstScope(actor.scopes),
      kind,
      actor.userId,
      `${actor.displayName} (${actor.username})`,
      verdict.count,
      rule.windowSeconds,
      ctx.now(),
    ],
  );
}

/** The keyed hashes of one exact search, as the audit log keeps them. */
export interface ExactTerms {
  idHash?: Buffer | undefined;
  phoneHash?: Buffer | undefined;
}

// Hashes read back from the database may come as a plain Uint8Array (PGlite), whose toString is not hex.
const hex = (hash: Uint8Array | undefined) => (hash ? Buffer.from(hash).toString('hex') : undefined);

/**
 * Counts an exact search before it runs; past a limit it is audited as refused, an alert is raised
 * for the administrators, and the caller gets 429. An allowed search is audited by `auditExactSearch`
 * inside the search's own transaction, with what it found.
 */
export async function guardExactSearch(ctx: AppContext, actor: Actor, terms: ExactTerms): Promise<void> {
  const refused = await countHits(ctx, EXACT_SEARCH_LIMITS, actor);
  if (!refused) return;
  await withScope(ctx.db, actor, async (tx) => {
    await auditExactSearch(tx, actor, terms, { refused: true });
    await raiseAlert(tx, ctx, actor, 'exact_search_burst', refused.rule, refused.verdict);
  });
  throw rateLimited(refused.verdict);
}

export async function auditExactSearch(
  tx: Queryable,
  actor: Actor,
  terms: ExactTerms,
  outcome: { refused: true } | { found: number },
): Promise<void> {
  await recordAudit(tx, actor, {
    action: 'exact_search',
    entity: 'person',
    jurisdictionCode: firstScope(actor.scopes),
    detail: { idHash: hex(terms.idHash), phoneHash: hex(terms.phoneHash), ...outcome },
  });
}

/**
 * Runs a person write (register or edit) that carries a typed ID number. Its "already registered
 * here" answer (409 with the existing person) tells whether the number is the one a masked record
 * hides, so for a caller who cannot unmask it is an exact search: counted before the write (outside
 * its transaction: the limiter has its own) and, when it hits, audited by keyed hash.
 */
export async function guardIdNumberWrite<T>(
  ctx: AppContext,
  actor: Actor,
  terms: ExactTerms,
  write: () => Promise<T>,
): Promise<T> {
  if (!terms.idHash || actor.permissions.has('person.unmask')) return write();
  await guardExactSearch(ctx, actor, terms);
  try {
    return await write();
  } catch (error) {
    // The write's own transaction is rolled back with its audit; the hit is recorded on its own.
    if (error instanceof AppError && error.code === 'person_exists')
      await withScope(ctx.db, actor, (tx) => auditExactSearch(tx, actor, terms, { found: 1 }));
    throw error;
  }
}

/** Counts an unmasking; past the limit it is refused (429) and the administrators alerted. */
export async function guardUnmask(ctx: AppContext, actor: Actor): Promise<void> {
  const refused = await countHits(ctx, UNMASK_LIMITS, actor);
  if (!refused) return;
  await withScope(ctx.db, actor, (tx) =>
    raiseAlert(tx, ctx, actor, 'unmask_burst', refused.rule, refused.verdict),
  );
  throw rateLimited(refused.verdict);
}
