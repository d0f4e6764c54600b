import type { Database, Queryable } from '../db/types.js';
import type { Actor } from './actor.js';

export const APP_ROLE = 'fangkong_app';

/**
 * The first of an account's scopes: where a record that names no jurisdiction of its own is filed
 * (an audit entry, an import, a blank template). Accounts without a scope are refused when created
 * and updated, so none here is a bug.
 */
export function firstScope(scopes: readonly string[]): string {
  const [first] = scopes;
  if (first === undefined) throw new Error('an account without a scope');
  return first;
}

/**
 * Runs `fn` in a transaction as the non-superuser request role with the actor's scope set, so
 * PostgreSQL row-level security admits only rows of the actor's subtrees (the second wall).
 */
export function withScope<T>(db: Database, actor: Actor, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT set_config('fangkong.scope', $1, true)", [actor.scopes.join(',')]);
    await tx.exec(`SET LOCAL ROLE ${APP_ROLE}`);
    return fn(tx);
  });
}

/**
 * SQL that keeps `column` within the given code prefixes, written as ranges so that a btree index
 * on a "C"-collated column serves it even under row-level security (range comparisons on text are
 * leakproof; LIKE is not). Codes are digits, and ':' sorts right after '9'.
 */
export function scopeCondition(column: string, scopes: readonly string[], params: unknown[]): string {
  const parts = scopes.map((scope) => {
    params.push(scope, `${scope}:`);
    return `(${column} >= $${params.length - 1} AND ${column} < $${params.length})`;
  });
  return parts.length > 0 ? `(${parts.join(' OR ')})` : 'false';
}
