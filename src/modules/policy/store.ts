import type { Database, Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { Pack } from '../../rules/policy/types.js';

/** Pack versions are immutable, so a parsed one can be kept for the life of its database. */
const cache = new WeakMap<object, Map<string, Pack>>();

function cacheOf(db: object): Map<string, Pack> {
  const packs = cache.get(db) ?? new Map<string, Pack>();
  cache.set(db, packs);
  return packs;
}

/**
 * Stores a validated pack version. The same text again changes nothing; different text under a
 * version already loaded is refused: plans cite versions, so a version must never change meaning.
 */
export async function storePack(
  tx: Queryable,
  pack: Pack,
  sourceText: string,
  loadedBy: string | null,
): Promise<'stored' | 'unchanged'> {
  const [existing] = await tx.query<{ source_text: string }>(
    'SELECT source_text FROM policy_packs WHERE id = $1 AND version = $2',
    [pack.id, pack.version],
  );
  if (existing) {
    if (existing.source_text === sourceText) return 'unchanged';
    throw new AppError('conflict', [fieldError('version', 'pack_version_exists')]);
  }
  await tx.query(
    `INSERT INTO policy_packs (id, version, title_zh, title_en, authority_zh, effective_from, effective_to, content, source_text, loaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      pack.id,
      pack.version,
      pack.title.zh,
      pack.title.en,
      pack.authority.zh,
      pack.effectiveFrom,
      pack.effectiveTo ?? null,
      JSON.stringify(pack),
      sourceText,
      loadedBy,
    ],
  );
  return 'stored';
}

export async function getPack(
  db: Database,
  tx: Queryable,
  id: string,
  version: string,
): Promise<Pack | undefined> {
  const packs = cacheOf(db);
  const key = `${id}@${version}`;
  const cached = packs.get(key);
  if (cached) return cached;
  const [row] = await tx.query<{ content: Pack }>(
    'SELECT content FROM policy_packs WHERE id = $1 AND version = $2',
    [id, version],
  );
  if (row) packs.set(key, row.content);
  return row?.content;
}

export interface Assignment {
  jurisdictionCode: string;
  packId: string;
  packVersion: string;
}

/** The assignment that governs a jurisdiction: its own or its nearest ancestor's. */
export async function governingAssignment(
  tx: Queryable,
  jurisdictionCode: string,
): Promise<Assignment | undefined> {
  const [row] = await tx.query<Assignment>(
    `SELECT jurisdiction_code AS "jurisdictionCode", pack_id AS "packId", pack_version AS "packVersion"
     FROM policy_assignments WHERE $1 ^@ jurisdiction_code
     ORDER BY length(jurisdiction_code) DESC LIMIT 1`,
    [jurisdictionCode],
  );
  return row;
}

export async function assignPack(tx: Queryable, assignment: Assignment, by: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO policy_assignments (jurisdiction_code, pack_id, pack_version, assigned_by)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (jurisdiction_code) DO UPDATE
       SET pack_id = excluded.pack_id, pack_version = excluded.pack_version,
           assigned_at = now(), assigned_by = excluded.assigned_by`,
    [assignment.jurisdictionCode, assignment.packId, assignment.packVersion, by],
  );
}

/** The most recently loaded version of a pack, for start-up defaults (demo, tests). */
async function latestVersion(tx: Queryable, packId: string): Promise<string | undefined> {
  const [row] = await tx.query<{ version: string }>(
    'SELECT version FROM policy_packs WHERE id = $1 ORDER BY loaded_at DESC, version DESC LIMIT 1',
    [packId],
  );
  return row?.version;
}

/** Assigns the latest loaded version of a shipped pack, unless the subtree already has one. */
export async function assignShippedPack(
  db: Database,
  jurisdictionCode: string,
  packId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const version = await latestVersion(tx, packId);
    if (!version) throw new Error(`Policy pack ${packId} is not loaded`);
    await tx.query(
      `INSERT INTO policy_assignments (jurisdiction_code, pack_id, pack_version) VALUES ($1, $2, $3)
       ON CONFLICT (jurisdiction_code) DO NOTHING`,
      [jurisdictionCode, packId, version],
    );
  });
}
