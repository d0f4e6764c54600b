import { createHash, randomBytes } from 'node:crypto';
import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_MAX_DAYS,
  type ApiToken,
  type ApiTokenRecord,
} from '../../api/session.js';
import type { AuditAction } from '../audit/actionLabels.js';
import { recordAudit } from '../audit/record.js';
import { firstRow } from '../db/rows.js';
import type { Database, Queryable } from '../db/types.js';
import { AppError, fieldError, invalid, notFound } from '../errors.js';
import { type AccountRow, toActor } from './accountRow.js';
import type { Actor } from './actor.js';
import { firstScope } from './scope.js';

/**
 * Bearer tokens for systems acting as a user. Only a hash is kept; each token expires; creation,
 * first use, refused use and revocation are audited. Tokens are managed from a signed-in browser
 * session only: a token cannot mint another (a leaked one cannot entrench itself).
 */

export const API_TOKEN_PREFIX = 'fkt_';
/** A system that keeps presenting a dead token is recorded at most this often. */
const REFUSAL_AUDIT_EVERY_MS = 3_600_000;

const sha256 = (token: string) => createHash('sha256').update(token).digest();

interface TokenRecordRow {
  id: string;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  firstUsedAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedReason: ApiTokenRecord['revokedReason'];
  status: ApiTokenRecord['status'];
}

const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);

function present(row: TokenRecordRow): ApiTokenRecord {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    firstUsedAt: isoOrNull(row.firstUsedAt),
    lastUsedAt: isoOrNull(row.lastUsedAt),
    revokedAt: isoOrNull(row.revokedAt),
  };
}

/**
 * What could let a leaked token entrench itself (mint tokens, revoke them, create accounts, change a
 * password, roles, scopes or whether an account is active) needs a signed-in person: a
 * token-authenticated attempt is refused (403 token_not_allowed) and audited under the token, with
 * what it tried as the action. The entry is written on `db` itself, never in the request's
 * transaction: the refusal throws, and a rollback would take the entry with it.
 */
export async function requireSession(
  db: Database,
  actor: Actor,
  action: AuditAction,
  detail: Record<string, unknown> = {},
): Promise<void> {
  if (actor.credential?.kind !== 'api_token') return;
  await recordAudit(db, actor, {
    action,
    entity: 'api_token',
    entityId: actor.credential.tokenId,
    jurisdictionCode: firstScope(actor.scopes),
    detail: { ...detail, reason: 'token_not_allowed' },
  });
  throw new AppError('token_not_allowed');
}

/**
 * The same wall inside a transaction, for callers that have already refused and audited with
 * requireSession before opening it: should one forget, the change is still refused.
 */
export function assertSession(actor: Actor | undefined): void {
  if (actor?.credential?.kind === 'api_token') throw new AppError('token_not_allowed');
}

export async function createApiToken(
  db: Database,
  actor: Actor,
  input: { name: string; expiresInDays?: number | undefined },
  now: Date,
): Promise<ApiToken> {
  await requireSession(db, actor, 'create_refused');
  const days = input.expiresInDays ?? API_TOKEN_DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_MAX_DAYS)
    throw invalid([fieldError('expiresInDays', 'range')]);
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [actor.userId, input.name, sha256(token), now, expiresAt],
    );
    const row = firstRow(rows, 'INSERT INTO api_tokens');
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'api_token',
      entityId: row.id,
      jurisdictionCode: firstScope(actor.scopes),
      after: { name: input.name, expiresAt: expiresAt.toISOString() },
    });
    return { id: row.id, token, expiresAt: expiresAt.toISOString() };
  });
}

const RECORD = `id, name, created_at AS "createdAt", expires_at AS "expiresAt",
  first_used_at AS "firstUsedAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt",
  revoked_reason AS "revokedReason",
  CASE WHEN revoked_at IS NOT NULL THEN 'revoked' WHEN expires_at <= $2 THEN 'expired' ELSE 'active' END AS status`;

/** The caller's own tokens, newest first (never the token itself: only its hash is kept). */
export async function listApiTokens(db: Queryable, actor: Actor, now: Date): Promise<ApiTokenRecord[]> {
  const rows = await db.query<TokenRecordRow>(
    `SELECT ${RECORD} FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id`,
    [actor.userId, now],
  );
  return rows.map(present);
}

/** Revokes token `id` of user `userId`; revoking a dead token again changes nothing. */
async function revoke(
  tx: Queryable,
  actor: Actor,
  userId: string,
  id: string,
  jurisdictionCode: string,
  now: Date,
): Promise<ApiTokenRecord> {
  const updated = await tx.query<TokenRecordRow>(
    `UPDATE api_tokens SET revoked_at = $2, revoked_reason = 'revoked', revoked_by = $4
     WHERE id = $3 AND user_id = $1 AND revoked_at IS NULL RETURNING ${RECORD}`,
    [userId, now, id, actor.userId],
  );
  const [revoked] = updated;
  if (!revoked) {
    const [existing] = await tx.query<TokenRecordRow>(
      `SELECT ${RECORD} FROM api_tokens WHERE user_id = $1 AND id = $3`,
      [userId, now, id],
    );
    if (!existing) throw notFound();
    return present(existing);
  }
  await recordAudit(tx, actor, {
    action: 'revoke',
    entity: 'api_token',
    entityId: id,
    jurisdictionCode,
    detail: { name: revoked.name, reason: 'revoked', ...(userId === actor.userId ? {} : { userId }) },
  });
  return present(revoked);
}

/** Revokes one of the caller's own tokens. */
export async function revokeApiToken(
  db: Database,
  actor: Actor,
  id: string,
  now: Date,
): Promise<ApiTokenRecord> {
  await requireSession(db, actor, 'revoke_refused');
  return db.transaction((tx) => revoke(tx, actor, actor.userId, id, firstScope(actor.scopes), now));
}

/** The tokens of an account an administrator manages (call managedUser first, in the same scoped transaction). */
export async function listTokensOfUser(tx: Queryable, userId: string, now: Date): Promise<ApiTokenRecord[]> {
  const rows = await tx.query<TokenRecordRow>(
    `SELECT ${RECORD} FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id`,
    [userId, now],
  );
  return rows.map(present);
}

/**
 * An administrator revokes a token of an account they manage (checked by managedUser); a token
 * cannot: call requireSession(ctx.db, actor, 'revoke_refused') before the transaction.
 */
export async function revokeTokenOfUser(
  tx: Queryable,
  actor: Actor,
  user: { id: string; jurisdictionCode: string },
  id: string,
  now: Date,
): Promise<ApiTokenRecord> {
  assertSession(actor);
  return revoke(tx, actor, user.id, id, user.jurisdictionCode, now);
}

/**
 * Revokes every live token of a user who is being deactivated, in the caller's transaction: they
 * stay dead if the account is later reactivated.
 */
export async function revokeTokensOfDeactivatedUser(
  tx: Queryable,
  actor: Actor,
  userId: string,
  jurisdictionCode: string,
  now: Date,
): Promise<number> {
  const revoked = await tx.query<{ id: string; name: string }>(
    `UPDATE api_tokens SET revoked_at = $2, revoked_reason = 'user_deactivated', revoked_by = $3
     WHERE user_id = $1 AND revoked_at IS NULL RETURNING id, name`,
    [userId, now, actor.userId],
  );
  for (const token of revoked)
    await recordAudit(tx, actor, {
      action: 'revoke',
      entity: 'api_token',
      entityId: token.id,
      jurisdictionCode,
      detail: { name: token.name, reason: 'user_deactivated' },
    });
  return revoked.length;
}

type TokenRow = AccountRow & {
  token_id: string;
  token_name: string;
  expires_at: Date;
  revoked_at: Date | null;
  first_used_at: Date | null;
  refused_at: Date | null;
};

function refusal(row: TokenRow, now: Date): string | undefined {
  if (row.revoked_at) return 'revoked';
  if (!row.active) return 'user_inactive';
  if (row.expires_at <= now) return 'expired';
  return undefined;
}

/**
 * The actor a bearer token stands for, or undefined. A known token that is revoked, expired or
 * whose user is inactive is refused, and the refusal audited (at most hourly per token); the
 * first use is audited, every use stamps last_used_at.
 */
export async function actorFromApiToken(db: Database, token: string, now: Date): Promise<Actor | undefined> {
  const [row] = await db.query<TokenRow>(
    `SELECT u.*, t.id AS token_id, t.name AS token_name, t.expires_at, t.revoked_at, t.first_used_at,
       t.refused_at
     FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`,
    [sha256(token)],
  );
  if (!row) return undefined;
  const actor = toActor(row, { kind: 'api_token', tokenId: row.token_id });
  const refused = refusal(row, now);
  if (refused) {
    const [due] = await db.query(
      `UPDATE api_tokens SET refused_at = $2 WHERE id = $1 AND (refused_at IS NULL OR refused_at <= $3)
       RETURNING id`,
      [row.token_id, now, new Date(now.getTime() - REFUSAL_AUDIT_EVERY_MS)],
    );
    if (due)
      await recordAudit(db, actor, {
        action: 'use_refused',
        entity: 'api_token',
        entityId: row.token_id,
        jurisdictionCode: row.jurisdiction_code,
        detail: { name: row.token_name, reason: refused },
      });
    return undefined;
  }
  // Only one request can set first_used_at, so the first use is audited once.
  const [first] = await db.query(
    'UPDATE api_tokens SET first_used_at = $2 WHERE id = $1 AND first_used_at IS NULL RETURNING id',
    [row.token_id, now],
  );
  if (first)
    await recordAudit(db, actor, {
      action: 'first_use',
      entity: 'api_token',
      entityId: row.token_id,
      jurisdictionCode: row.jurisdiction_code,
      detail: { name: row.token_name },
    });
  await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [row.token_id, now]);
  return actor;
}
