import type { Queryable } from '../../platform/db/types.js';

interface PersonsOfChild {
  /** The child's code (the first `childLength` characters of the codes under it). */
  child: string;
  persons: number;
}

/**
 * Persons registered under `parent`, per child: the counters of migration 0097 (kept by triggers on
 * every write of persons) summed by the first `childLength` characters of their codes, in the
 * caller's scope. A few hundred counter rows at any level, instead of a scan of every person under
 * the node. Persons registered on the parent itself come back under the parent's own code when
 * `childLength` is longer than it; children with nobody registered are left out.
 */
export async function personsPerChild(
  tx: Queryable,
  parent: string,
  childLength: number,
): Promise<PersonsOfChild[]> {
  return tx.query<PersonsOfChild>(
    `SELECT left(jurisdiction_code, $3) AS child, sum(persons)::int AS persons
     FROM person_counts WHERE jurisdiction_code >= $1 AND jurisdiction_code < $2
     GROUP BY 1 HAVING sum(persons) > 0 ORDER BY 1`,
    [parent, `${parent}:`, childLength],
  );
}
