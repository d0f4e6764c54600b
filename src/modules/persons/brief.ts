import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';

/**
 * Who a work item is about, as a list names them: the name and address as the persons list shows
 * them, and the phone masked as it is there for every role (the number itself only through an
 * audited unmask).
 */
export interface PersonBrief {
  id: string;
  name: string;
  address: string | null;
  phoneMasked: string | null;
  jurisdictionCode: string;
}

/** The persons of `ids` within the caller's scope, by id (one query for a whole page of items). */
export async function personBriefs(
  tx: Queryable,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, PersonBrief>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const params: unknown[] = [unique];
  const rows = await tx.query<PersonBrief>(
    `SELECT p.id, p.name, p.address, p.phone_masked AS "phoneMasked", p.jurisdiction_code AS "jurisdictionCode"
     FROM persons p WHERE p.id = ANY ($1::uuid[]) AND ${scopeCondition('p.jurisdiction_code', actor.scopes, params)}`,
    params,
  );
  return new Map(rows.map((row) => [row.id, row]));
}
