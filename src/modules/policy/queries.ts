import type { Assignment, PackDetail, PackSummary } from '../../api/policy.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';

const SUMMARY_SQL = `id, version, title_zh AS "titleZh", title_en AS "titleEn", authority_zh AS "authorityZh",
  to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", to_char(effective_to, 'YYYY-MM-DD') AS "effectiveTo",
  jsonb_array_length(content -> 'protocols') AS protocols,
  to_char(loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "loadedAt"`;

export function listPacks(tx: Queryable) {
  return tx.query<PackSummary>(`SELECT ${SUMMARY_SQL} FROM policy_packs ORDER BY id, loaded_at DESC`);
}

export async function packDetail(tx: Queryable, id: string, version: string) {
  const [row] = await tx.query<PackDetail>(
    `SELECT ${SUMMARY_SQL}, content, source_text AS "sourceText" FROM policy_packs WHERE id = $1 AND version = $2`,
    [id, version],
  );
  if (!row) throw notFound();
  return row;
}

export function listAssignments(tx: Queryable, jurisdiction: string) {
  return tx.query<Assignment>(
    `SELECT jurisdiction_code AS "jurisdictionCode", pack_id AS "packId", pack_version AS "packVersion"
     FROM policy_assignments WHERE jurisdiction_code ^@ $1 ORDER BY jurisdiction_code`,
    [jurisdiction],
  );
}
