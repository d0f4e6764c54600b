import { createHash, randomBytes } from 'node:crypto';
import { permissionsOf, type Role } from '../../rules/roles.js';
import { recordAudit } from '../audit/record.js';
import type { Config } from '../config.js';
import { firstRow } from '../db/rows.js';
import type { Database } from '../db/types.js';
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';
import { verifyPassword } from './passwords.js';
import { firstScope } from './scope.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  scopes: string[];
  jurisdiction_code: string;
  failed_attempts: number;
  locked_until: Date | null;
  active: boolean;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest();

function toActor(row: Pick<UserRow, 'id' | 'username' | 'display_name' | 'roles' | 'scopes'>): Actor {
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    permissions: permissionsOf(row.roles),
    scopes: row.scopes,
  };
}

/**
 * Checks a password and opens a session. Repeated failures lock the account for a while; the
 * answer for a wrong password and an unknown user is the same, so usernames cannot be probed.
 */
export async function signIn(
  db: Database,
  config: Config,
  username: string,
  password: string,
  now: Date,
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const [user] = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
  if (!user || !user.active) throw new AppError('invalid_credentials');
  if (user.locked_until && user.locked_until > now) throw new AppError('account_locked');
  const actor = toActor(user);
  if (!(await verifyPassword(password, user.password_hash))) {
    const attempts = user.failed_attempts + 1;
    const locks = attempts >= config.lockoutAttempts;
    await db.query('UPDATE users SET failed_attempts = $2, locked_until = $3 WHERE id = $1', [
      user.id,
      locks ? 0 : attempts,
      locks ? new Date(now.getTime() + config.lockoutMinutes * 60_000) : null,
    ]);
    await recordAudit(db, actor, {
      action: locks ? 'lockout' : 'sign_in_failed',
      entity: 'user',
      entityId: user.id,
      jurisdictionCode: user.jurisdiction_code,
    });
    throw new AppError(locks ? 'account_locked' : 'invalid_credentials');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.sessionHours * 3_600_000);
  await db.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [user.id]);
  await db.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    sha256(token),
    user.id,
    expiresAt,
  ]);
  await recordAudit(db, actor, {
    action: 'sign_in',
    entity: 'user',
    entityId: user.id,
    jurisdictionCode: user.jurisdiction_code,
  });
  return { token, actor, expiresAt };
}

export async function signOut(db: Database, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(token)]);
}

export async function actorFromSession(db: Database, token: string, now: Date): Promise<Actor | undefined> {
  const [row] = await db.query<UserRow>(
    `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`,
    [sha256(token), now],
  );
  return row ? toActor(row) : undefined;
}

export const API_TOKEN_PREFIX = 'fkt_';

/** A bearer token for a system acting as `actor`; only its hash is kept, and its issue is audited. */
export async function createApiToken(
  db: Database,
  actor: Actor,
  name: string,
): Promise<{ id: string; token: string }> {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>(
      'INSERT INTO api_tokens (user_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id',
      [actor.userId, name, sha256(token)],
    );
    const row = firstRow(rows, 'INSERT INTO api_tokens');
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'api_token',
      entityId: row.id,
      jurisdictionCode: firstScope(actor.scopes),
      after: { name },
    });
    return { id: row.id, token };
  });
}

export async function actorFromApiToken(db: Database, token: string, now: Date): Promise<Actor | undefined> {
  const [row] = await db.query<UserRow & { token_id: string }>(
    `SELECT u.*, t.id AS token_id FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active`,
    [sha256(token)],
  );
  if (!row) return undefined;
  await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [row.token_id, now]);
  return toActor(row);
}
