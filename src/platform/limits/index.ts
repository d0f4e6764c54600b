// Rate limits that survive a restart (DESIGN "Safe by default"): a fixed window per rule and key,
// counted in one atomic statement so that parallel requests cannot slip past the limit.
import type { Queryable } from '../db/types.js';
import { AppError } from '../errors.js';

export interface LimitRule {
  /** A stable name, e.g. `persons.exact-search`; rows are keyed by it. */
  readonly name: string;
  readonly max: number;
  readonly windowSeconds: number;
}

export interface LimitVerdict {
  readonly allowed: boolean;
  /** Hits in the current window, this one included. */
  readonly count: number;
  /** Seconds until the current window ends (0 while allowed is meaningless to wait for). */
  readonly retryAfterSeconds: number;
}

function windowOf(rule: LimitRule, now: Date): { start: Date; end: Date } {
  const size = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / size) * size;
  return { start: new Date(start), end: new Date(start + size) };
}

function verdict(rule: LimitRule, count: number, now: Date): LimitVerdict {
  const { end } = windowOf(rule, now);
  return {
    allowed: count <= rule.max,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000)),
  };
}

/**
 * Counts one hit of `key` under `rule` and says whether it is within the limit. Call it with the
 * database itself, not inside a transaction that may roll back, or a refused attempt goes uncounted.
 * `key` is never personal data in clear: pass a keyed hash, an account id or a client address.
 */
export async function takeHit(db: Queryable, rule: LimitRule, key: string, now: Date): Promise<LimitVerdict> {
  const { start, end } = windowOf(rule, now);
  const rows = await db.query<{ hits: number }>(
    `INSERT INTO rate_limit_hits (rule, key, window_start, expires_at, hits)
     VALUES ($1, $2, $3, $4, 1)
     ON CONFLICT (rule, key, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
     RETURNING hits`,
    [rule.name, key, start, end],
  );
  const count = rows[0]?.hits ?? 1;
  // The first hit of a window clears the rule's finished windows, so the table stays small.
  if (count === 1) {
    await db.query('DELETE FROM rate_limit_hits WHERE rule = $1 AND expires_at <= $2', [rule.name, now]);
  }
  return verdict(rule, count, now);
}

/** The current window's count of `key`, without counting (to offer a challenge as a limit nears). */
export async function peekHits(db: Queryable, rule: LimitRule, key: string, now: Date): Promise<number> {
  const { start } = windowOf(rule, now);
  const rows = await db.query<{ hits: number }>(
    'SELECT hits FROM rate_limit_hits WHERE rule = $1 AND key = $2 AND window_start = $3',
    [rule.name, key, start],
  );
  return rows[0]?.hits ?? 0;
}

/** The 429 problem for a refused hit; the HTTP layer sends `retryAfterSeconds` as Retry-After. */
export function rateLimited(limit: LimitVerdict): AppError {
  return new AppError('rate_limited', [], { retryAfterSeconds: limit.retryAfterSeconds });
}
