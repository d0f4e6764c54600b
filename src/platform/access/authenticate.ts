import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/record.js';
import type { Config } from '../config.js';
import type { Database } from '../db/types.js';
import { AppError } from '../errors.js';
import { type AccountRow, toActor } from './accountRow.js';
import type { Actor } from './actor.js';
import { claimAttempt, clearAttempts, signInNameKey } from './attempts.js';
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from './passwords.js';

export { API_TOKEN_PREFIX, actorFromApiToken } from './apiTokens.js';

const sha256 = (token: string) => createHash('sha256').update(token).digest();

/** Checks a password against a stored hash; a parameter so tests can count the work done. */
export type PasswordVerifier = (password: string, stored: string) => Promise<boolean>;

/**
 * Checks a password and opens a session. Every name typed, known or not, takes the same path:
 * an attempt is claimed atomically before the password is checked (so parallel guesses cannot
 * pass the lockout limit), the password is always hashed (against a stand-in when no active
 * account has the name), and the answers are the same: 401 for a wrong pair, 423 once a name has
 * used up its attempts, whether or not an account has that name.
 */
export async function signIn(
  db: Database,
  config: Config,
  username: string,
  password: string,
  now: Date,
  verify: PasswordVerifier = verifyPassword,
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const nameKey = signInNameKey(config.secret, username);
  const claim = await claimAttempt(db, nameKey, config, now);
  if (!claim.allowed) throw new AppError('account_locked');
  const [user] = await db.query<AccountRow>('SELECT * FROM users WHERE username = $1', [username]);
  const account = user?.active ? user : undefined;
  const matches = await verify(password, account ? account.password_hash : UNKNOWN_ACCOUNT_HASH);
  if (!account || !matches) {
    // An unknown name is recorded too, so that both answers cost the same database work (C9). Its
    // entry names no one (a mistyped name may be a phone number) and is filed under no
    // jurisdiction: only the operator reading the log directly sees it.
    await recordAudit(
      db,
      user ? toActor(user) : undefined,
      user
        ? {
            action: claim.locks ? 'lockout' : 'sign_in_failed',
            entity: 'user',
            entityId: user.id,
            jurisdictionCode: user.jurisdiction_code,
            ...(user.active ? {} : { detail: { reason: 'inactive' } }),
          }
        : {
            action: claim.locks ? 'lockout' : 'sign_in_failed',
            entity: 'user',
            jurisdictionCode: '',
            detail: { reason: 'unknown_name' },
          },
    );
    throw new AppError(claim.locks ? 'account_locked' : 'invalid_credentials');
  }
  await clearAttempts(db, nameKey);
  const actor = toActor(account, { kind: 'session' });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.sessionHours * 3_600_000);
  await db.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    sha256(token),
    account.id,
    expiresAt,
  ]);
  await recordAudit(db, actor, {
    action: 'sign_in',
    entity: 'user',
    entityId: account.id,
    jurisdictionCode: account.jurisdiction_code,
  });
  return { token, actor, expiresAt };
}

export async function signOut(db: Database, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(token)]);
}

export async function actorFromSession(db: Database, token: string, now: Date): Promise<Actor | undefined> {
  const [row] = await db.query<AccountRow>(
    `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`,
    [sha256(token), now],
  );
  return row ? toActor(row, { kind: 'session' }) : undefined;
}
