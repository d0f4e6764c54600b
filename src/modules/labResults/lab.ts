import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';

export interface LabRef {
  id: string;
  jurisdictionCode: string;
  name: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The lab a caller works for: one of their subtree, else 404 (another subtree's lab does not exist for them). */
export async function findLab(tx: Queryable, actor: Actor, labId: string): Promise<LabRef> {
  if (!UUID.test(labId)) throw notFound();
  const [lab] = await tx.query<LabRef>(
    `SELECT id, jurisdiction_code AS "jurisdictionCode", name FROM labs WHERE id = $1`,
    [labId],
  );
  if (!lab || !inScope(lab.jurisdictionCode, actor.scopes)) throw notFound();
  return lab;
}
