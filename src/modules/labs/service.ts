import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { insertLab, LAB_COLUMNS, type LabFields, type LabRow, updateLabAtVersion } from '../testing/index.js';

/** TST-9: an instrument runs 18 hours a day ("核酸检测设备按照每日工作 18 小时测算" [004 §19]). */
export { INSTRUMENT_HOURS_PER_DAY } from '../../rules/campaignPlan.js';

export type LabInput = LabFields;
/** A lab as the API shows it; tubes a day at 18 instrument hours (TST-9), people = tubes × pool size. */
export type Lab = LabRow;

function checkScope(actor: Actor, code: string): void {
  if (!inScope(code, actor.scopes)) throw forbidden();
}

const isUnique = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

export async function listLabs(tx: Queryable, actor: Actor, jurisdiction?: string): Promise<Lab[]> {
  if (jurisdiction && !inScope(jurisdiction, actor.scopes)) throw forbidden();
  return tx.query<Lab>(
    `SELECT ${LAB_COLUMNS} FROM labs WHERE jurisdiction_code ^@ $1 ORDER BY jurisdiction_code, name`,
    [jurisdiction ?? ''],
  );
}

export async function getLab(tx: Queryable, actor: Actor, id: string): Promise<Lab> {
  const [lab] = await tx.query<Lab>(`SELECT ${LAB_COLUMNS} FROM labs WHERE id = $1`, [id]);
  if (!lab || !inScope(lab.jurisdictionCode, actor.scopes)) throw notFound();
  return lab;
}

export async function createLab(tx: Queryable, actor: Actor, input: LabInput): Promise<Lab> {
  checkScope(actor, input.jurisdictionCode);
  try {
    const lab = await insertLab(tx, input);
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'lab',
      entityId: lab.id,
      jurisdictionCode: lab.jurisdictionCode,
      after: lab,
    });
    return lab;
  } catch (error) {
    if (isUnique(error)) throw new AppError('name_taken', [fieldError('name', 'lab_name_taken')]);
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
    const { version, ...fields } = input;
    const lab = await updateLabAtVersion(tx, id, fields, version);
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
    if (isUnique(error)) throw new AppError('name_taken', [fieldError('name', 'lab_name_taken')]);
    throw error;
  }
}
