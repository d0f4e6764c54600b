import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';

/** A sampling site as written: its place, name, address and number of sampling tables (采样台). */
export interface SamplingSiteFields {
  name: string;
  address: string | null;
  tables: number;
  active: boolean;
}

/** Inserts a sampling site and returns its id; the caller has checked scope and the name. */
export async function insertSamplingSite(
  tx: Queryable,
  site: SamplingSiteFields & { jurisdictionCode: string },
): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO sampling_sites (jurisdiction_code, name, address, tables, active)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [site.jurisdictionCode, site.name, site.address, site.tables, site.active],
  );
  return firstRow(rows, 'INSERT INTO sampling_sites').id;
}

/** Replaces a sampling site's fields (the caller merges a patch onto what it read). */
export async function updateSamplingSite(tx: Queryable, id: string, site: SamplingSiteFields): Promise<void> {
  await tx.query(
    'UPDATE sampling_sites SET name = $2, address = $3, tables = $4, active = $5 WHERE id = $1',
    [id, site.name, site.address, site.tables, site.active],
  );
}
