import type { Database, Queryable } from '../../platform/db/types.js';
import { KEY_GROUPS } from '../../rules/keyGroups.js';
import type { Pack, RoutineTestingSpec } from '../../rules/policy/types.js';
import { type AssignedFrequency, slotCount } from '../../rules/routineSchedule.js';
import { getPack } from '../policy/index.js';

/** One frequency in force under one pack assignment (TST-4), with the department TST-5 pushes to. */
export interface RoutineRule extends AssignedFrequency {
  department: { zh: string; en: string };
}

/** The pack's own list, or the list of the pack version it adopts (one hop, as the schema allows). */
async function routineList(db: Database, tx: Queryable, pack: Pack): Promise<RoutineTestingSpec[]> {
  if (pack.routineTesting) return pack.routineTesting;
  const from = pack.routineTestingFrom;
  if (!from) return [];
  const adopted = await getPack(db, tx, from.pack, from.version);
  return adopted?.routineTesting ?? [];
}

/**
 * Every pack assignment that can govern a person in `scopes` (ancestors and the subtrees' own) and
 * the frequencies it brings. The nearest assignment governs; one without a list means no routine.
 */
export async function routineRules(
  db: Database,
  tx: Queryable,
  scopes: readonly string[],
): Promise<{ assignments: string[]; rules: RoutineRule[] }> {
  const rows = await tx.query<{ code: string; packId: string; version: string }>(
    `SELECT jurisdiction_code AS code, pack_id AS "packId", pack_version AS version FROM policy_assignments
     WHERE jurisdiction_code ^@ ANY ($1::text[])
        OR EXISTS (SELECT 1 FROM unnest($1::text[]) AS s (code) WHERE s.code ^@ jurisdiction_code)`,
    [scopes],
  );
  const rules: RoutineRule[] = [];
  for (const row of rows) {
    const pack = await getPack(db, tx, row.packId, row.version);
    if (!pack) continue;
    for (const spec of await routineList(db, tx, pack)) {
      if (!(spec.keyGroup in KEY_GROUPS)) continue;
      rules.push({
        assignmentCode: row.code,
        keyGroup: spec.keyGroup,
        times: spec.times,
        perDays: spec.perDays,
        slots: spec.allocation === 'working_day_share' ? slotCount(spec) : 0,
        department: { zh: spec.department.zh, en: spec.department.en },
      });
    }
  }
  return { assignments: rows.map((r) => r.code), rules };
}
