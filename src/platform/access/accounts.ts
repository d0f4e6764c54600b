/** Accounts (users, their roles and scopes): part of access control, written only here. */

import { inScope, normalizeScopes, ROLES, type Role } from '../../rules/roles.js';
import { recordAudit } from '../audit/record.js';
import { firstRow } from '../db/rows.js';
import type { Queryable } from '../db/types.js';
import { AppError, type FieldError, fieldError, invalid, notFound } from '../errors.js';
import type { Actor } from './actor.js';
import { assertSession, revokeTokensOfDeactivatedUser } from './apiTokens.js';
import { clearAttempts, lockedKeys, signInNameKey } from './attempts.js';
import { endSessions } from './passwordChange.js';
import { passwordProblem } from './passwordPolicy.js';
import { hashPassword } from './passwords.js';
import { firstScope } from './scope.js';

/** What account changes need besides the database: the key sign-in names are counted under, the caller's session. */
export interface AccountContext {
  readonly secret: string;
  readonly now: Date;
  /** The caller's own session cookie, kept when they reset their own password. */
  readonly currentSession?: string | undefined;
}

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  scopes: string[];
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  scopes: string[];
  active: boolean;
  locked: boolean;
}

const VIEW = `id, username, display_name AS "displayName", roles, scopes, active`;

/** Sign-in locks are counted per name typed (attempts.ts); an account shows the lock of its name. */
async function withLocks(
  tx: Queryable,
  users: Omit<UserView, 'locked'>[],
  context: Pick<AccountContext, 'secret' | 'now'>,
): Promise<UserView[]> {
  const keys = users.map((user) => signInNameKey(context.secret, user.username));
  const locked = await lockedKeys(tx, keys, context.now);
  return users.map((user, i) => ({ ...user, locked: locked.has(keys[i]?.toString('hex') ?? '') }));
}

function checkRolesAndScopes(
  actor: Actor | undefined,
  roles: string[],
  scopes: string[],
  errors: FieldError[],
) {
  if (roles.length === 0 || roles.some((role) => !ROLES.includes(role as Role)))
    errors.push(fieldError('roles', 'role_unknown'));
  if (scopes.length === 0) errors.push(fieldError('scopes', 'required'));
  // No one grants more than they hold: every new scope lies inside one of the creator's.
  if (actor && scopes.some((scope) => !inScope(scope, actor.scopes)))
    errors.push(fieldError('scopes', 'jurisdiction_out_of_scope'));
}

/** Reaching outside one's own subtrees is a matter of permission (403), anything else of input (400). */
function refuse(errors: FieldError[]) {
  if (errors.length === 0) return;
  const outside = errors.some((error) => error.code === 'jurisdiction_out_of_scope');
  throw outside ? new AppError('forbidden', errors) : invalid(errors);
}

async function checkScopesExist(tx: Queryable, scopes: string[]) {
  const rows = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM jurisdictions WHERE code = ANY($1)',
    [scopes],
  );
  if ((rows[0]?.n ?? 0) !== new Set(scopes).size)
    throw invalid([fieldError('scopes', 'jurisdiction_unknown')]);
}

/** Creates an account; `actor` is undefined only for the command line run by the machine's operator. */
export async function createUser(
  tx: Queryable,
  actor: Actor | undefined,
  input: UserInput,
): Promise<UserView> {
  // A token could create an administrator it knows the password of; the route refuses and audits first.
  assertSession(actor);
  const errors: FieldError[] = [];
  const weak = passwordProblem(input.password, [input.username, input.displayName]);
  if (weak) errors.push(fieldError('password', weak));
  checkRolesAndScopes(actor, input.roles, input.scopes, errors);
  refuse(errors);
  const scopes = normalizeScopes(input.scopes);
  await checkScopesExist(tx, scopes);
  const [taken] = await tx.query('SELECT 1 FROM users WHERE username = $1', [input.username]);
  if (taken) throw invalid([fieldError('username', 'username_taken')]);
  const inserted = await tx.query<Omit<UserView, 'locked'>>(
    `INSERT INTO users (username, display_name, password_hash, roles, scopes, jurisdiction_code)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${VIEW}`,
    [input.username, input.displayName, await hashPassword(input.password), input.roles, scopes, scopes[0]],
  );
  const user = { ...firstRow(inserted, 'INSERT INTO users'), locked: false };
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'user',
    entityId: user.id,
    jurisdictionCode: firstScope(scopes),
    after: { username: input.username, displayName: input.displayName, roles: input.roles, scopes },
  });
  return user;
}

/** An account the administrator manages (every scope of it inside theirs), else 404. */
export async function managedUser(
  tx: Queryable,
  actor: Actor,
  id: string,
): Promise<{ id: string; jurisdictionCode: string }> {
  const [user] = await tx.query<{ scopes: string[]; jurisdictionCode: string }>(
    'SELECT scopes, jurisdiction_code AS "jurisdictionCode" FROM users WHERE id = $1',
    [id],
  );
  if (!user || !user.scopes.every((scope) => inScope(scope, actor.scopes))) throw notFound();
  return { id, jurisdictionCode: user.jurisdictionCode };
}

export async function listUsers(
  tx: Queryable,
  context: Pick<AccountContext, 'secret' | 'now'>,
): Promise<UserView[]> {
  return withLocks(tx, await tx.query(`SELECT ${VIEW} FROM users ORDER BY username`), context);
}

interface UserChanges {
  displayName?: string;
  roles?: string[];
  scopes?: string[];
  active?: boolean;
  password?: string;
}

/**
 * Changes that hand over or widen an account, which only a signed-in person may make: with them a
 * leaked token could set a password it knows, sign in and mint tokens. A display name may be set by
 * a token.
 */
export function changesNeedSession(changes: UserChanges): boolean {
  return (
    changes.password !== undefined ||
    changes.roles !== undefined ||
    changes.scopes !== undefined ||
    changes.active !== undefined
  );
}

/** Call requireSession(ctx.db, …) before the transaction when changesNeedSession: this only refuses. */
export async function updateUser(
  tx: Queryable,
  actor: Actor,
  id: string,
  changes: UserChanges,
  context: AccountContext,
): Promise<UserView> {
  if (changesNeedSession(changes)) assertSession(actor);
  const [before] = await tx.query<Omit<UserView, 'locked'>>(`SELECT ${VIEW} FROM users WHERE id = $1`, [id]);
  if (!before || !before.scopes.every((scope) => inScope(scope, actor.scopes))) throw notFound();
  const errors: FieldError[] = [];
  const weak =
    changes.password === undefined
      ? undefined
      : passwordProblem(changes.password, [before.username, changes.displayName ?? before.displayName]);
  if (weak) errors.push(fieldError('password', weak));
  checkRolesAndScopes(actor, changes.roles ?? before.roles, changes.scopes ?? before.scopes, errors);
  refuse(errors);
  const scopes = changes.scopes ? normalizeScopes(changes.scopes) : null;
  if (scopes) await checkScopesExist(tx, scopes);
  if (id === actor.userId && changes.active === false) throw new AppError('forbidden');
  const updated = await tx.query<Omit<UserView, 'locked'>>(
    `UPDATE users SET display_name = coalesce($2, display_name), roles = coalesce($3, roles),
       scopes = coalesce($4, scopes), jurisdiction_code = coalesce($4[1], jurisdiction_code),
       active = coalesce($5, active), password_hash = coalesce($6, password_hash), updated_at = now()
     WHERE id = $1 RETURNING ${VIEW}`,
    [
      id,
      changes.displayName ?? null,
      changes.roles ?? null,
      scopes,
      changes.active ?? null,
      changes.password ? await hashPassword(changes.password) : null,
    ],
  );
  const after = firstRow(updated, 'UPDATE users');
  const jurisdictionCode = firstScope(after.scopes);
  let endedSessions = 0;
  let revokedTokens = 0;
  if (changes.password) {
    // A reset password lifts a lock and signs out whoever used the old one (the caller's own session stays).
    await clearAttempts(tx, signInNameKey(context.secret, before.username));
    endedSessions = await endSessions(tx, id, id === actor.userId ? context.currentSession : undefined);
  }
  if (changes.active === false && before.active) {
    endedSessions += await endSessions(tx, id);
    revokedTokens = await revokeTokensOfDeactivatedUser(tx, actor, id, jurisdictionCode, context.now);
  }
  const { password: _secret, ...recorded } = changes;
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'user',
    entityId: id,
    jurisdictionCode,
    before: {
      displayName: before.displayName,
      roles: before.roles,
      scopes: before.scopes,
      active: before.active,
    },
    after: { ...recorded, ...(changes.password ? { password: 'changed' } : {}) },
    ...(endedSessions + revokedTokens > 0 ? { detail: { endedSessions, revokedTokens } } : {}),
  });
  return firstRow(await withLocks(tx, [after], context), 'UPDATE users');
}
