import type { Database, Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { inForceOn, type PackWindow, packInForce } from '../../rules/policy/inForce.js';
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
    throw new AppError('pack_version_exists', [fieldError('version', 'pack_version_exists')], {
      version: pack.version,
    });
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

const WINDOW_SQL = `p.id AS "packId", p.version AS "packVersion",
  to_char(p.effective_from, 'YYYY-MM-DD') AS "effectiveFrom", to_char(p.effective_to, 'YYYY-MM-DD') AS "effectiveTo"`;

/** The pack that plans an arrival, or why none does. */
export type PackInForce =
  /**
   * `assignment`: the jurisdiction whose assignment governs the arrival (the nearest one, or an
   * ancestor's when the nearest held no version in force that day) and the version planning it;
   * `current` when it is the version assigned now to the nearest assignment.
   */
  | { pack: Pack; assignment: Assignment; current: boolean }
  /** No version was in force on `date` anywhere up the tree; `assigned` governs now (none when unassigned). */
  | { pack: null; date: string; assigned: (PackWindow & { jurisdictionCode: string }) | null };

/**
 * ARR-1 … ARR-10: the pack version that plans an arrival on local date `date` (YYYY-MM-DD, in the
 * jurisdiction's zone) into `jurisdictionCode`: the assignments from there up, nearest first, each
 * with the versions once assigned there, and the first of them holding a version in force on that
 * date governs (inForce.ts). A town given a later version keeps its earlier arrivals under the
 * county's version, as apply leaves their plans (impact.ts), for reclassification and late
 * registrations alike.
 */
export async function packInForceFor(
  db: Database,
  tx: Queryable,
  jurisdictionCode: string,
  date: string,
): Promise<PackInForce> {
  const assignments = await tx.query<PackWindow & { jurisdictionCode: string }>(
    `SELECT a.jurisdiction_code AS "jurisdictionCode", ${WINDOW_SQL}
     FROM policy_assignments a JOIN policy_packs p ON p.id = a.pack_id AND p.version = a.pack_version
     WHERE $1 ^@ a.jurisdiction_code ORDER BY length(a.jurisdiction_code) DESC`,
    [jurisdictionCode],
  );
  const [nearest] = assignments;
  if (!nearest) return { pack: null, date, assigned: null };
  // Histories are read only when the version assigned nearest now was not in force on that date.
  const histories = inForceOn(date, nearest)
    ? new Map<string, PackWindow[]>()
    : await historiesOf(
        tx,
        assignments.map((a) => a.jurisdictionCode),
      );
  const choice = packInForce(
    date,
    assignments.map(({ jurisdictionCode: code, ...assigned }) => ({
      jurisdictionCode: code,
      assigned,
      history: histories.get(code) ?? [],
    })),
  );
  if (!choice.governs) return { pack: null, date, assigned: nearest };
  const chosen = choice.governs;
  const pack = await getPack(db, tx, chosen.packId, chosen.packVersion);
  if (!pack) throw new Error(`Policy pack ${chosen.packId}@${chosen.packVersion} is assigned but not stored`);
  return {
    pack,
    assignment: { jurisdictionCode: choice.jurisdictionCode, packId: pack.id, packVersion: pack.version },
    current: choice.current,
  };
}

/** The versions ever assigned to each of these jurisdictions, latest assignment first. */
async function historiesOf(tx: Queryable, codes: readonly string[]): Promise<Map<string, PackWindow[]>> {
  const rows = await tx.query<PackWindow & { jurisdictionCode: string }>(
    `SELECT h.jurisdiction_code AS "jurisdictionCode", ${WINDOW_SQL} FROM policy_assignment_history h
     JOIN policy_packs p ON p.id = h.pack_id AND p.version = h.pack_version
     WHERE h.jurisdiction_code = ANY ($1::text[]) ORDER BY h.seq DESC`,
    [codes],
  );
  const byCode = new Map<string, PackWindow[]>();
  for (const { jurisdictionCode, ...version } of rows) {
    byCode.set(jurisdictionCode, [...(byCode.get(jurisdictionCode) ?? []), version]);
  }
  return byCode;
}

/** Kept for every assignment: an arrival dated before the version assigned now took effect is planned by the one in force then. */
async function recordHistory(tx: Queryable, assignment: Assignment, by: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO policy_assignment_history (jurisdiction_code, pack_id, pack_version, assigned_by)
     VALUES ($1, $2, $3, $4)`,
    [assignment.jurisdictionCode, assignment.packId, assignment.packVersion, by],
  );
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
  await recordHistory(tx, assignment, by);
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
    const inserted = await tx.query(
      `INSERT INTO policy_assignments (jurisdiction_code, pack_id, pack_version) VALUES ($1, $2, $3)
       ON CONFLICT (jurisdiction_code) DO NOTHING RETURNING jurisdiction_code`,
      [jurisdictionCode, packId, version],
    );
    if (inserted.length > 0)
      await recordHistory(tx, { jurisdictionCode, packId, packVersion: version }, null);
  });
}
