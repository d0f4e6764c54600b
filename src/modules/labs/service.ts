import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';

/** TST-9: an instrument runs 18 hours a day ("核酸检测设备按照每日工作 18 小时测算" [004 §19]). */
export const INSTRUMENT_HOURS_PER_DAY = 18;

export type LabKind = 'cdc' | 'hospital' | 'third_party' | 'customs';

export type LabInput = {
  jurisdictionCode: string;
  name: string;
  kind: LabKind;
  instruments: number;
  tubesPerInstrumentHour: number;
  reagentPhysicalTests: number;
  reagentContractedTests: number;
  active: boolean;
};

export type Lab = LabInput & {
  id: string;
  version: number;
  /** Tubes a day at 18 instrument hours (TST-9); people = tubes × pool size. */
  tubesPerDay: number;
};

const COLUMNS = `id, jurisdiction_code AS "jurisdictionCode", name, kind, instruments,
  tubes_per_instrument_hour AS "tubesPerInstrumentHour", reagent_physical_tests AS "reagentPhysicalTests",
  reagent_contracted_tests AS "reagentContractedTests", active, version,
  instruments * tubes_per_instrument_hour * ${INSTRUMENT_HOURS_PER_DAY} AS "tubesPerDay"`;

function checkScope(actor: Actor, code: string): void {
  if (!inScope(code, actor.scopes)) throw forbidden();
}

const isUnique = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

export async function listLabs(tx: Queryable, actor: Actor, jurisdiction?: string): Promise<Lab[]> {
  if (jurisdiction && !inScope(jurisdiction, actor.scopes)) throw forbidden();
  return tx.query<Lab>(
    `SELECT ${COLUMNS} FROM labs WHERE jurisdiction_code ^@ $1 ORDER BY jurisdiction_code, name`,
    [jurisdiction ?? ''],
  );
}

export async function getLab(tx: Queryable, actor: Actor, id: string): Promise<Lab> {
  const [lab] = await tx.query<Lab>(`SELECT ${COLUMNS} FROM labs WHERE id = $1`, [id]);
  if (!lab || !inScope(lab.jurisdictionCode, actor.scopes)) throw notFound();
  return lab;
}

export async function createLab(tx: Queryable, actor: Actor, input: LabInput): Promise<Lab> {
  checkScope(actor, input.jurisdictionCode);
  try {
    const [lab] = await tx.query<Lab>(
      `INSERT INTO labs (jurisdiction_code, name, kind, instruments, tubes_per_instrument_hour,
         reagent_physical_tests, reagent_contracted_tests, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        input.jurisdictionCode,
        input.name,
        input.kind,
        input.instruments,
        input.tubesPerInstrumentHour,
        input.reagentPhysicalTests,
        input.reagentContractedTests,
        input.active,
      ],
    );
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'lab',
      entityId: lab!.id,
      jurisdictionCode: lab!.jurisdictionCode,
      after: lab,
    });
    return lab!;
  } catch (error) {
    if (isUnique(error)) throw new AppError('conflict', [fieldError('name', 'lab_name_taken')]);
    throw error;
  }
}

/** Updates a lab; `version` must be the one read (optimistic concurrency, as for persons). */
export async function updateLab(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: Omit<LabInput, 'jurisdictionCode'> & { version: number },
): Promise<Lab> {
  const before = await getLab(tx, actor, id);
  if (before.version !== input.version) throw new AppError('conflict', [fieldError('version', 'range')]);
  try {
    const [lab] = await tx.query<Lab>(
      `UPDATE labs SET name = $2, kind = $3, instruments = $4, tubes_per_instrument_hour = $5,
         reagent_physical_tests = $6, reagent_contracted_tests = $7, active = $8, version = version + 1,
         updated_at = now()
       WHERE id = $1 AND version = $9 RETURNING ${COLUMNS}`,
      [
        id,
        input.name,
        input.kind,
        input.instruments,
        input.tubesPerInstrumentHour,
        input.reagentPhysicalTests,
        input.reagentContractedTests,
        input.active,
        input.version,
      ],
    );
    if (!lab) throw new AppError('conflict', [fieldError('version', 'range')]);
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'lab',
      entityId: id,
      jurisdictionCode: lab.jurisdictionCode,
      before,
      after: lab,
    });
    return lab;
  } catch (error) {
    if (isUnique(error)) throw new AppError('conflict', [fieldError('name', 'lab_name_taken')]);
    throw error;
  }
}
