import { ancestorsOf } from '../../rules/deadlines.js';
import { ROLE_PERMISSIONS, ROLES } from '../../rules/roles.js';
import type { Queryable } from '../db/types.js';

/**
 * Who is responsible for escalated work at a level: an account that sees it there ("escalated to
 * me" needs deadline.read). Every role has it today; the list follows the permission, not a name.
 */
const WATCHING_ROLES = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('deadline.read'));

/**
 * CMD-1: the levels above `codes` that have an active account scoped there (escalationCeiling of
 * src/rules/deadlines.ts stops the climb at the highest). One query for a whole page of items; it
 * runs through a security-definer function because accounts above the caller's scope are hidden.
 */
export async function staffedLevels(tx: Queryable, codes: readonly string[]): Promise<Set<string>> {
  const ancestors = [...new Set(codes.flatMap(ancestorsOf))];
  if (ancestors.length === 0) return new Set();
  const rows = await tx.query<{ code: string }>(
    'SELECT code FROM fangkong_staffed_jurisdictions($1::text[], $2::text[])',
    [ancestors, WATCHING_ROLES],
  );
  return new Set(rows.map((row) => row.code));
}
