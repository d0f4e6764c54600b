import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, forbidden } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { INSTRUMENT_HOURS_PER_DAY } from './service.js';

/** TST-9 dated targets: "5 月底前 … 2.5 万人份" [001 §4], persons per day by a date. */
export type TargetInput = {
  jurisdictionCode: string;
  dueDate: string;
  personsPerDay: number;
  sourceText: string;
};

export type Target = TargetInput & { id: string };

export type TargetState = 'met' | 'not_met' | 'overdue';

const COLUMNS = `id, jurisdiction_code AS "jurisdictionCode", to_char(due_date, 'YYYY-MM-DD') AS "dueDate",
  persons_per_day AS "personsPerDay", source_text AS "sourceText"`;

export async function createTarget(tx: Queryable, actor: Actor, input: TargetInput): Promise<Target> {
  if (!inScope(input.jurisdictionCode, actor.scopes)) throw forbidden();
  const [row] = await tx.query<Target>(
    `INSERT INTO lab_capacity_targets (jurisdiction_code, due_date, persons_per_day, source_text)
     VALUES ($1, $2, $3, $4) ON CONFLICT (jurisdiction_code, due_date) DO NOTHING RETURNING ${COLUMNS}`,
    [input.jurisdictionCode, input.dueDate, input.personsPerDay, input.sourceText],
  );
  if (!row) throw new AppError('target_date_taken', [fieldError('dueDate', 'target_date_taken')]);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'lab_capacity_target',
    entityId: row.id,
    jurisdictionCode: row.jurisdictionCode,
    after: row,
  });
  return row;
}

/** Removes the target of a jurisdiction on a date; removing one that is not there changes nothing. */
export async function deleteTarget(
  tx: Queryable,
  actor: Actor,
  code: string,
  dueDate: string,
): Promise<void> {
  if (!inScope(code, actor.scopes)) throw forbidden();
  const [before] = await tx.query<Target>(
    `DELETE FROM lab_capacity_targets WHERE jurisdiction_code = $1 AND due_date = $2 RETURNING ${COLUMNS}`,
    [code, dueDate],
  );
  if (!before) return;
  await recordAudit(tx, actor, {
    action: 'delete',
    entity: 'lab_capacity_target',
    entityId: before.id,
    jurisdictionCode: before.jurisdictionCode,
    before,
  });
}

/**
 * TST-9: the daily capacity of the active labs of a subtree (instruments × tubes per hour × 18 h,
 * × pool size in people) against each target of the subtree and its ancestors: met, not met yet,
 * or overdue (its date has passed without the capacity).
 */
export async function capacityView(
  tx: Queryable,
  actor: Actor,
  jurisdiction: string,
  poolSize: number,
  today: string,
) {
  if (!inScope(jurisdiction, actor.scopes)) throw forbidden();
  const [sum] = await tx.query<{ tubesPerDay: number; labs: number; physical: number; contracted: number }>(
    `SELECT coalesce(sum(instruments * tubes_per_instrument_hour), 0)::int * ${INSTRUMENT_HOURS_PER_DAY} AS "tubesPerDay",
       count(*)::int AS labs, coalesce(sum(reagent_physical_tests), 0)::int AS physical,
       coalesce(sum(reagent_contracted_tests), 0)::int AS contracted
     FROM labs WHERE active AND jurisdiction_code ^@ $1`,
    [jurisdiction],
  );
  const tubesPerDay = sum?.tubesPerDay ?? 0;
  const personsPerDay = tubesPerDay * poolSize;
  const targets = await tx.query<Target>(
    `SELECT ${COLUMNS} FROM lab_capacity_targets
     WHERE jurisdiction_code ^@ $1 OR $1 ^@ jurisdiction_code ORDER BY due_date, jurisdiction_code`,
    [jurisdiction],
  );
  const stateOf = (t: Target): TargetState =>
    personsPerDay >= t.personsPerDay ? 'met' : t.dueDate < today ? 'overdue' : 'not_met';
  return {
    jurisdictionCode: jurisdiction,
    labs: sum?.labs ?? 0,
    tubesPerDay,
    poolSize,
    personsPerDay,
    reagentPhysicalTests: sum?.physical ?? 0,
    reagentContractedTests: sum?.contracted ?? 0,
    targets: targets.map((t) => ({ ...t, state: stateOf(t) })),
  };
}
