import type { AppContext } from '../context.js';
import { AppError, fieldError } from '../errors.js';
import { type LimitRule, peekHits, rateLimited, takeHit } from '../limits/index.js';
import { acceptSolution } from './challenge.js';

/** One limit a public submission counts against: a rule, the key it counts, and where it nears. */
export interface PublicLimit {
  readonly rule: LimitRule;
  /** A client address, a keyed hash of an ID number, a jurisdiction code: never personal data in clear. */
  readonly key: string;
  /** From this many hits in the window on, a submission must carry a solved challenge. */
  readonly challengeFrom: number;
}

/** The header a public form sends its solved challenge in (base64 JSON, ALTCHA's payload). */
const CHALLENGE_HEADER = 'x-challenge';

/**
 * When any of a submission's limits nears its maximum, the submission must carry a solved
 * proof-of-work challenge: 428 challenge_required otherwise (the page then fetches one, solves it
 * unseen and sends the report again). A solution is spent here, once; pass `solved` when an earlier
 * check of the same request accepted it. Returns whether the request now carries an accepted one.
 */
export async function requireChallengeIfNear(
  ctx: AppContext,
  limits: readonly PublicLimit[],
  solution: string | undefined,
  solved = false,
): Promise<boolean> {
  if (solved) return true;
  const now = ctx.now();
  const counts = await Promise.all(limits.map((limit) => peekHits(ctx.db, limit.rule, limit.key, now)));
  if (!limits.some((limit, i) => (counts[i] ?? 0) + 1 >= limit.challengeFrom)) return false;
  if (!solution) throw new AppError('challenge_required');
  if (!(await acceptSolution(ctx.db, ctx.cipher, solution, now))) {
    throw new AppError('challenge_required', [fieldError('challenge', 'challenge_invalid')]);
  }
  return true;
}

/** The solution a request carries in CHALLENGE_HEADER, if any. */
export function solutionOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const value = headers[CHALLENGE_HEADER];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Counts a public submission against these limits (persisted: they hold across restarts and
 * processes); past a maximum it is refused with 429 and Retry-After. Call it outside the
 * submission's transaction, so that a refused or failed attempt is still counted.
 */
export async function countHits(ctx: AppContext, limits: readonly PublicLimit[]): Promise<void> {
  const now = ctx.now();
  for (const limit of limits) {
    const verdict = await takeHit(ctx.db, limit.rule, limit.key, now);
    if (!verdict.allowed) throw rateLimited(verdict);
  }
}
