import type { Database } from '../../platform/db/types.js';
import { type Division, readDivisions } from './divisions.js';

const BATCH = 5000;

export interface DivisionImportResult {
  total: number;
  inserted: number;
  updated: number;
}

/** CMD-1: loads divisions idempotently; a re-run changes nothing, local time zones are kept. */
export async function importDivisions(
  db: Database,
  root?: string,
  onProgress?: (done: number) => void,
): Promise<DivisionImportResult> {
  const result = { total: 0, inserted: 0, updated: 0 };
  let batch: Division[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = await db.query<{ inserted: boolean }>(
      `INSERT INTO jurisdictions (code, parent_code, name, level, initials)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name = excluded.name,
         level = excluded.level, initials = excluded.initials
       WHERE (jurisdictions.parent_code, jurisdictions.name, jurisdictions.level, jurisdictions.initials)
         IS DISTINCT FROM (excluded.parent_code, excluded.name, excluded.level, excluded.initials)
       RETURNING (xmax = 0) AS inserted`,
      [
        batch.map((d) => d.code),
        batch.map((d) => d.parentCode),
        batch.map((d) => d.name),
        batch.map((d) => d.level),
        batch.map((d) => d.initials),
      ],
    );
    for (const row of rows) row.inserted ? result.inserted++ : result.updated++;
    result.total += batch.length;
    batch = [];
    onProgress?.(result.total);
  };
  for (const division of readDivisions(root)) {
    batch.push(division);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  if (result.inserted + result.updated > 0) await db.refreshStatistics(['jurisdictions']);
  return result;
}
