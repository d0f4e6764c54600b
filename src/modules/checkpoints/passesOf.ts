import type { Queryable } from '../../platform/db/types.js';

export interface PersonPass {
  passId: string;
  checkpointId: string;
  checkpointName: string;
  jurisdictionCode: string;
  at: Date;
  direction: 'in' | 'out' | null;
  healthCode: 'green' | 'yellow' | 'red';
}

/**
 * A person's checkpoint passes (HC-3) between `from` (inclusive) and `to` (exclusive), oldest first,
 * found by the keyed hash of the ID number (the same key as persons.id_hash). Row-level security
 * keeps them to the caller's scope: run it in a scoped transaction. Old passes carry no direction (null).
 */
export async function passesOf(tx: Queryable, idHash: Buffer, from: Date, to: Date): Promise<PersonPass[]> {
  const rows = await tx.query<Omit<PersonPass, 'at'> & { at: Date | string }>(
    `SELECT x.id AS "passId", x.checkpoint_id AS "checkpointId", c.name AS "checkpointName",
       x.jurisdiction_code AS "jurisdictionCode", x.passed_at AS at, x.direction, x.health_code AS "healthCode"
     FROM checkpoint_passes x JOIN checkpoints c ON c.id = x.checkpoint_id
     WHERE x.id_hash = $1 AND x.passed_at >= $2 AND x.passed_at < $3
     ORDER BY x.passed_at, x.id`,
    [idHash, from, to],
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}
