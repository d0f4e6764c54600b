import { randomUUID } from 'node:crypto';
import type { HospitalInput, HospitalUpdate, HospitalView } from '../../api/hospitals.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, type FieldError, fieldError, forbidden, invalid } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { hospitalSnapshot, readHospital } from './registry.js';

/** The figures' own checks, beyond the schema: parts of the beds cannot outnumber them. */
function checkFigures(
  input: Pick<HospitalInput, 'beds' | 'icuBeds' | 'negativePressureBeds' | 'name'>,
): void {
  const errors: FieldError[] = [];
  if (!input.name.trim()) errors.push(fieldError('name', 'required'));
  if (input.icuBeds > input.beds) errors.push(fieldError('icuBeds', 'icu_exceeds_beds'));
  if (input.negativePressureBeds > input.beds)
    errors.push(fieldError('negativePressureBeds', 'icu_exceeds_beds'));
  if (errors.length > 0) throw invalid(errors);
}

const isUnique = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

const nameTaken = () => new AppError('name_taken', [fieldError('name', 'duplicate_name')]);

/**
 * CAS-4: registers a designated hospital, fever clinic or mobile cabin in a jurisdiction of the
 * caller's; with a client id, a retried registration returns the stored one.
 */
export async function registerHospital(
  tx: Queryable,
  actor: Actor,
  input: HospitalInput,
  now: Date,
): Promise<{ hospital: HospitalView; created: boolean }> {
  if (!inScope(input.jurisdictionCode, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  checkFigures(input);
  const [known] = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1', [input.jurisdictionCode]);
  if (!known) throw invalid([fieldError('jurisdictionCode', 'jurisdiction_unknown')]);
  const id = input.id ?? randomUUID();
  const [same] = await tx.query<{ id: string }>(
    'SELECT id FROM hospitals WHERE jurisdiction_code = $1 AND name = $2',
    [input.jurisdictionCode, input.name.trim()],
  );
  if (same?.id === id) return { hospital: await readHospital(tx, actor, id, now), created: false };
  if (same) throw nameTaken();
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO hospitals (id, jurisdiction_code, name, kind, is_county_hospital, status, beds, icu_beds,
       negative_pressure_beds, supply_days, address, created_at, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      id,
      input.jurisdictionCode,
      input.name.trim(),
      input.kind,
      input.isCountyHospital,
      input.status,
      input.beds,
      input.icuBeds,
      input.negativePressureBeds,
      input.supplyDays,
      input.address?.trim() || null,
      now,
      actor.userId,
    ],
  );
  if (!row) throw new AppError('id_taken', [fieldError('id', 'id_duplicate')]);
  const hospital = await readHospital(tx, actor, id, now);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'hospital',
    entityId: id,
    jurisdictionCode: hospital.jurisdictionCode,
    after: hospitalSnapshot(hospital),
  });
  return { hospital, created: true };
}

/** CAS-4: updates a hospital's figures or status (a cabin opened, beds added); audited with before and after. */
export async function updateHospital(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: HospitalUpdate,
  now: Date,
): Promise<HospitalView> {
  const before = await readHospital(tx, actor, id, now);
  if (!before.editable) throw forbidden();
  checkFigures(input);
  if (input.version !== undefined && input.version !== before.version)
    throw new AppError('conflict', [fieldError('version', 'range')]);
  try {
    await tx.query(
      `UPDATE hospitals SET name = $2, kind = $3, is_county_hospital = $4, status = $5, beds = $6, icu_beds = $7,
         negative_pressure_beds = $8, supply_days = $9, address = $10, updated_at = $11, updated_by = $12,
         version = version + 1
       WHERE id = $1`,
      [
        id,
        input.name.trim(),
        input.kind,
        input.isCountyHospital,
        input.status,
        input.beds,
        input.icuBeds,
        input.negativePressureBeds,
        input.supplyDays,
        input.address?.trim() || null,
        now,
        actor.userId,
      ],
    );
  } catch (error) {
    if (isUnique(error)) throw nameTaken();
    throw error;
  }
  const after = await readHospital(tx, actor, id, now);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'hospital',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: hospitalSnapshot(before),
    after: hospitalSnapshot(after),
  });
  return after;
}
