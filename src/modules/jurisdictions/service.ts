import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { initialsOf } from './divisions.js';

export interface Jurisdiction {
  code: string;
  parentCode: string | null;
  name: string;
  level: string;
  timeZone: string | null;
  hasChildren: boolean;
}

const COLUMNS = `code, parent_code AS "parentCode", name, level, time_zone AS "timeZone",
  EXISTS (SELECT 1 FROM jurisdictions c WHERE c.parent_code = j.code) AS "hasChildren"`;

/** Top nodes of the actor's subtrees, or the children of `parent` when it lies within them. */
export async function listChildren(tx: Queryable, actor: Actor, parent?: string): Promise<Jurisdiction[]> {
  if (!parent) {
    return tx.query<Jurisdiction>(
      `SELECT ${COLUMNS} FROM jurisdictions j WHERE code = ANY($1) ORDER BY code`,
      [actor.scopes],
    );
  }
  if (!inScope(parent, actor.scopes)) throw notFound();
  return tx.query<Jurisdiction>(
    `SELECT ${COLUMNS} FROM jurisdictions j WHERE parent_code = $1 ORDER BY code`,
    [parent],
  );
}

export async function getJurisdiction(tx: Queryable, actor: Actor, code: string) {
  if (!inScope(code, actor.scopes)) throw notFound();
  const [node] = await tx.query<Jurisdiction>(`SELECT ${COLUMNS} FROM jurisdictions j WHERE code = $1`, [
    code,
  ]);
  if (!node) throw notFound();
  const path = await tx.query<{ code: string; name: string; level: string; timeZone: string | null }>(
    `SELECT code, name, level, time_zone AS "timeZone" FROM jurisdictions
     WHERE $1 ^@ code AND code <> $1 ORDER BY length(code)`,
    [code],
  );
  return { ...node, path };
}

/** The zone of the nearest node that sets one, else the configured default (Asia/Shanghai). */
export async function effectiveTimeZone(tx: Queryable, code: string, fallback: string): Promise<string> {
  const [row] = await tx.query<{ time_zone: string }>(
    `SELECT time_zone FROM jurisdictions WHERE $1 ^@ code AND time_zone IS NOT NULL ORDER BY length(code) DESC LIMIT 1`,
    [code],
  );
  return row?.time_zone ?? fallback;
}

/** By code prefix, name fragment or pinyin initials, within the actor's subtrees. */
export async function searchJurisdictions(
  tx: Queryable,
  actor: Actor,
  q: string,
  limit: number,
): Promise<Jurisdiction[]> {
  const params: unknown[] = [];
  const scope = scopeCondition('code', actor.scopes, params);
  const term = q.trim();
  params.push(term, `%${term.replace(/[\\%_]/g, '\\$&')}%`, term.toLowerCase(), limit);
  const n = params.length;
  return tx.query<Jurisdiction>(
    `SELECT ${COLUMNS} FROM jurisdictions j
     WHERE ${scope} AND (code ^@ $${n - 3} OR name LIKE $${n - 2} OR initials ^@ $${n - 1})
     ORDER BY length(code), code LIMIT $${n}`,
    params,
  );
}

export async function createGrid(
  tx: Queryable,
  actor: Actor,
  parentCode: string,
  name: string,
): Promise<Jurisdiction> {
  if (!inScope(parentCode, actor.scopes)) throw notFound();
  const [parent] = await tx.query<{ level: string }>('SELECT level FROM jurisdictions WHERE code = $1', [
    parentCode,
  ]);
  if (!parent) throw notFound();
  if (parent.level !== 'village') throw invalid([fieldError('parentCode', 'enum')]);
  const [last] = await tx.query<{ code: string }>(
    'SELECT max(code) AS code FROM jurisdictions WHERE parent_code = $1',
    [parentCode],
  );
  const next = last?.code ? Number(last.code.slice(-3)) + 1 : 1;
  if (next > 999) throw new AppError('validation', [fieldError('parentCode', 'too_many')]);
  const code = parentCode + String(next).padStart(3, '0');
  await tx.query(
    `INSERT INTO jurisdictions (code, parent_code, name, level, initials) VALUES ($1, $2, $3, 'grid', $4)`,
    [code, parentCode, name, initialsOf(name)],
  );
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'jurisdiction',
    entityId: code,
    jurisdictionCode: code,
    after: { name },
  });
  return (await getJurisdiction(tx, actor, code)) as Jurisdiction;
}

/**
 * Adds grids (网格, CMD-1) under villages in one statement, for seeding; a code that exists is left
 * as it is, so a second run changes nothing. Returns how many were added.
 */
export async function insertGrids(
  db: Queryable,
  grids: readonly { code: string; parentCode: string; name: string }[],
): Promise<number> {
  const rows = await db.query(
    `INSERT INTO jurisdictions (code, parent_code, name, level, initials)
     SELECT c, p, n, 'grid', i FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS g(c, p, n, i)
     ON CONFLICT (code) DO NOTHING RETURNING code`,
    [
      grids.map((g) => g.code),
      grids.map((g) => g.parentCode),
      grids.map((g) => g.name),
      grids.map((g) => initialsOf(g.name)),
    ],
  );
  return rows.length;
}

export async function updateJurisdiction(
  tx: Queryable,
  actor: Actor,
  code: string,
  changes: { name?: string | undefined; timeZone?: string | null | undefined },
): Promise<void> {
  const before = await getJurisdiction(tx, actor, code);
  if (changes.name !== undefined && before.level !== 'grid') throw invalid([fieldError('name', 'enum')]);
  if (changes.timeZone && !isTimeZone(changes.timeZone)) throw invalid([fieldError('timeZone', 'enum')]);
  await tx.query(
    `UPDATE jurisdictions SET name = coalesce($2, name), initials = coalesce($3, initials),
       time_zone = CASE WHEN $4 THEN $5 ELSE time_zone END WHERE code = $1`,
    [
      code,
      changes.name ?? null,
      changes.name ? initialsOf(changes.name) : null,
      changes.timeZone !== undefined,
      changes.timeZone ?? null,
    ],
  );
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'jurisdiction',
    entityId: code,
    jurisdictionCode: code,
    before: { name: before.name, timeZone: before.timeZone },
    after: changes,
  });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
