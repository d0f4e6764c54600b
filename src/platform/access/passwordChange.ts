import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/record.js';
import type { Config } from '../config.js';
import type { Database, Queryable } from '../db/types.js';
import { AppError, type FieldError, fieldError, invalid } from '../errors.js';
import type { AccountRow } from './accountRow.js';
import type { Actor } from './actor.js';
import { requireSession } from './apiTokens.js';
import { claimAttempt, clearAttempts, signInNameKey } from './attempts.js';
import { passwordProblem } from './passwordPolicy.js';
import { hashPassword, verifyPassword } from './passwords.js';

/**
 * Ends a user's sessions, all but the one whose cookie value is `keep` (the caller's own, when
 * they change their own password): whoever signed in with the old password is signed out.
 */
export async function endSessions(tx: Queryable, userId: string, keep?: string): Promise<number> {
  const rows = await tx.query(
    'DELETE FROM sessions WHERE user_id = $1 AND ($2::bytea IS NULL OR token_hash <> $2) RETURNING user_id',
    [userId, keep ? createHash('sha256').update(keep).digest() : null],
  );
  return rows.length;
}

/**
 * A signed-in user changes their own password. The current password is checked like a sign-in
 * (a wrong one counts towards the lockout, so a stolen session cannot guess it freely); the new
 * one must pass the password rules; every other session of the user ends, this one stays.
 */
export async function changeOwnPassword(
  db: Database,
  config: Config,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; currentSession: string | undefined },
  now: Date,
): Promise<{ endedSessions: number }> {
  await requireSession(db, actor, 'password_change_refused');
  if (actor.credential?.kind !== 'session') throw new AppError('token_not_allowed');
  const [user] = await db.query<AccountRow>('SELECT * FROM users WHERE id = $1 AND active', [actor.userId]);
  if (!user) throw new AppError('unauthenticated');
  const errors: FieldError[] = [];
  const problem = passwordProblem(input.newPassword, [user.username, user.display_name]);
  if (problem) errors.push(fieldError('newPassword', problem));
  if (errors.length > 0) throw invalid(errors);
  const nameKey = signInNameKey(config.secret, user.username);
  const claim = await claimAttempt(db, nameKey, config, now);
  if (!claim.allowed) throw new AppError('account_locked');
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    await recordAudit(db, actor, {
      action: claim.locks ? 'lockout' : 'password_change_failed',
      entity: 'user',
      entityId: user.id,
      jurisdictionCode: user.jurisdiction_code,
    });
    if (claim.locks) throw new AppError('account_locked');
    throw invalid([fieldError('currentPassword', 'wrong_password')]);
  }
  const hash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await clearAttempts(tx, nameKey);
    await tx.query('UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1', [
      user.id,
      hash,
      now,
    ]);
    const endedSessions = await endSessions(tx, user.id, input.currentSession);
    await recordAudit(tx, actor, {
      action: 'password_change',
      entity: 'user',
      entityId: user.id,
      jurisdictionCode: user.jurisdiction_code,
      detail: { endedSessions },
    });
    return { endedSessions };
  });
}
