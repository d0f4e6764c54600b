import type { Actor } from '../../platform/access/actor.js';
import type { Database, Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid } from '../../platform/errors.js';
import { withLines } from '../../rules/policy/loadPack.js';
import type { Pack } from '../../rules/policy/types.js';
import { inScope } from '../../rules/roles.js';
import { packCitationErrors } from '../documents/index.js';
import { getPack } from './store.js';

/** A pack version and the subtree it is to govern, as assignment and impact requests name them. */
export interface AssignmentRequest {
  jurisdictionCode: string;
  packId: string;
  version: string;
}

/**
 * Versions whose citations were found to hold: registered documents never change, so a version
 * checked once stays good for the life of its database.
 */
const checked = new WeakMap<object, Set<string>>();

/**
 * What must hold before a version is assigned to a subtree, or its impact previewed or applied:
 * the subtree is the caller's; it is a known jurisdiction (an unknown one would break the
 * assignment's foreign key and answer 500); the version is loaded; and its citations name
 * registered documents and quote their words (issue 12 Deliver 2). A version stored before
 * citations were checked on upload is checked here, as nothing else ever would, and refused with
 * its problems on the lines of its stored text, as an upload would be. Returns the pack.
 */
export async function assignableVersion(
  db: Database,
  tx: Queryable,
  actor: Actor,
  request: AssignmentRequest,
): Promise<Pack> {
  if (!inScope(request.jurisdictionCode, actor.scopes)) {
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  }
  const [known] = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1', [request.jurisdictionCode]);
  if (!known) throw invalid([fieldError('jurisdictionCode', 'jurisdiction_unknown')]);
  const pack = await getPack(db, tx, request.packId, request.version);
  if (!pack) throw invalid([fieldError('version', 'pack_unknown')]);
  await checkCitations(db, tx, pack);
  return pack;
}

async function checkCitations(db: Database, tx: Queryable, pack: Pack): Promise<void> {
  const key = `${pack.id}@${pack.version}`;
  const good = checked.get(db) ?? new Set<string>();
  checked.set(db, good);
  if (good.has(key)) return;
  const errors = await packCitationErrors(tx, pack);
  if (errors.length === 0) {
    good.add(key);
    return;
  }
  const [stored] = await tx.query<{ source: string }>(
    'SELECT source_text AS source FROM policy_packs WHERE id = $1 AND version = $2',
    [pack.id, pack.version],
  );
  const packErrors = stored ? withLines(stored.source, errors) : errors;
  throw new AppError('validation', [fieldError('version', 'pack_invalid')], { packErrors });
}
