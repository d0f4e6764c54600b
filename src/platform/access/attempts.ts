import { createHmac, hkdfSync } from 'node:crypto';
import type { Config } from '../config.js';
import type { Queryable } from '../db/types.js';

/**
 * Failed sign-ins, counted per name typed whether or not an account has it: an unknown name locks
 * exactly as a real one does, so neither a lock nor its absence reveals that an account exists.
 * Names are kept only as a keyed hash (a mistyped name may be a phone number).
 */

/** Failures that sit this long without another are forgotten, for every name alike. */
const FORGET_AFTER_MS = 24 * 3_600_000;

const derivedKeys = new Map<string, Buffer>();

/** The keyed hash a name is counted under; the key is derived from the deployment's secret. */
export function signInNameKey(secret: string, username: string): Buffer {
  let key = derivedKeys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'fangkong', 'sign-in-names', 32));
    derivedKeys.set(secret, key);
  }
  return createHmac('sha256', key).update(username).digest();
}

export interface AttemptClaim {
  /** False when the name is locked: the password must not even be checked. */
  readonly allowed: boolean;
  /** This attempt was the last the limit allows: if its password is wrong, the name stays locked. */
  readonly locks: boolean;
}

type LockoutConfig = Pick<Config, 'lockoutAttempts' | 'lockoutMinutes'>;

/**
 * Claims one attempt for `nameKey` before its password is checked, in one atomic statement (an
 * upsert takes the row's lock, and PostgreSQL re-checks the WHERE on the row it waited for): of
 * any number of parallel attempts, at most `lockoutAttempts` are allowed until a success or the
 * lock's end. The attempt that reaches the limit sets the lock at once; a success clears it.
 */
export async function claimAttempt(
  db: Queryable,
  nameKey: Buffer,
  config: LockoutConfig,
  now: Date,
): Promise<AttemptClaim> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  await db.query(
    `DELETE FROM sign_in_attempts
     WHERE updated_at < $1 AND (locked_until IS NULL OR locked_until <= $2)`,
    [forgetBefore, now],
  );
  const rows = await db.query<{ locks: boolean }>(
    `INSERT INTO sign_in_attempts AS a (name_key, failures, locked_until, updated_at)
     VALUES ($1, 1, CASE WHEN $3::int <= 1 THEN $4::timestamptz END, $2)
     ON CONFLICT (name_key) DO UPDATE SET
       failures = CASE WHEN a.locked_until <= $2 OR a.updated_at < $5 THEN 1 ELSE a.failures + 1 END,
       locked_until = CASE
         WHEN (CASE WHEN a.locked_until <= $2 OR a.updated_at < $5 THEN 1 ELSE a.failures + 1 END) >= $3::int
         THEN $4::timestamptz END,
       updated_at = $2
     WHERE a.locked_until IS NULL OR a.locked_until <= $2
     RETURNING locked_until IS NOT NULL AS locks`,
    [
      nameKey,
      now,
      config.lockoutAttempts,
      new Date(now.getTime() + config.lockoutMinutes * 60_000),
      forgetBefore,
    ],
  );
  const [row] = rows;
  return row ? { allowed: true, locks: row.locks } : { allowed: false, locks: true };
}

/** A right password: the name's failures are forgotten and its lock (if the last attempt set one) lifted. */
export async function clearAttempts(db: Queryable, nameKey: Buffer): Promise<void> {
  await db.query('DELETE FROM sign_in_attempts WHERE name_key = $1', [nameKey]);
}

/** Which of `nameKeys` are locked at `now`. */
export async function lockedKeys(db: Queryable, nameKeys: Buffer[], now: Date): Promise<Set<string>> {
  if (nameKeys.length === 0) return new Set();
  const rows = await db.query<{ name_key: Uint8Array }>(
    `SELECT name_key FROM sign_in_attempts
     WHERE name_key IN (SELECT decode(h, 'hex') FROM unnest($1::text[]) AS h) AND locked_until > $2`,
    [nameKeys.map((key) => key.toString('hex')), now],
  );
  return new Set(rows.map((row) => Buffer.from(row.name_key).toString('hex')));
}
