import type { StaffBody, StaffPatchBody, StaffView } from '../../api/isolationSites.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { phoneHash } from '../../platform/pii/seal.js';
import { maskPhone, normalizePhone } from '../../rules/mask.js';
import { inScope } from '../../rules/roles.js';
import { STAFF_SQL, siteRow } from './siteRegistry.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function staffById(tx: Queryable, id: string) {
  const [row] = await tx.query<StaffView & { code: string }>(
    `SELECT ${STAFF_SQL}, f.jurisdiction_code AS code FROM isolation_site_staff f WHERE f.id = $1`,
    [id],
  );
  return row;
}

async function scopedStaff(tx: Queryable, actor: Actor, id: string) {
  if (!UUID.test(id)) throw notFound();
  const row = await staffById(tx, id);
  if (!row || !inScope(row.code, actor.scopes)) throw notFound();
  return row;
}

const strip = ({ code: _c, ...view }: StaffView & { code: string }): StaffView => view;

function sealedPhone(ctx: AppContext, raw: string | null | undefined) {
  if (!raw?.trim()) return { cipher: null, hash: null, masked: null };
  const phone = normalizePhone(raw);
  if (!phone) throw invalid([fieldError('phone', 'phone_format')]);
  return { cipher: ctx.cipher.encrypt(phone), hash: phoneHash(ctx.cipher, phone), masked: maskPhone(phone) };
}

function checkDates(from: string | null | undefined, until: string | null | undefined) {
  if (from && until && until < from) throw invalid([fieldError('untilDate', 'ends_before_start')]);
}

/**
 * ISO-3 (004 §18 "建立包联领导、点长、主要工作人员台账"): adds a liaison leader, point leader or key
 * staff member to a site's ledger, the phone sealed (encrypted, keyed hash, masked).
 */
export async function addStaff(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  siteId: string,
  input: StaffBody,
): Promise<StaffView> {
  const site = await siteRow(tx, actor, siteId);
  if (input.id) {
    const again = await staffById(tx, input.id);
    if (again?.siteId === siteId) return strip(again);
    if (again) throw new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
  }
  const name = input.name.trim();
  if (name === '') throw invalid([fieldError('name', 'required')]);
  checkDates(input.fromDate, input.untilDate);
  const phone = sealedPhone(ctx, input.phone);
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO isolation_site_staff (id, site_id, jurisdiction_code, role, name, unit, phone_cipher, phone_hash,
       phone_masked, from_date, until_date, created_by, created_at, updated_at)
     VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      input.id ?? null,
      siteId,
      site.jurisdictionCode,
      input.role,
      name,
      input.unit?.trim() || null,
      phone.cipher,
      phone.hash,
      phone.masked,
      input.fromDate ?? null,
      input.untilDate ?? null,
      actor.userId,
      ctx.now(),
    ],
  );
  if (!row) throw new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
  const staff = await scopedStaff(tx, actor, row.id);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'isolation_site_staff',
    entityId: row.id,
    jurisdictionCode: site.jurisdictionCode,
    after: { siteId, role: staff.role, name: staff.name, unit: staff.unit, phoneMasked: staff.phoneMasked },
  });
  return strip(staff);
}

/** Changes a ledger entry (role, unit, phone, dates) or deactivates / restores it; audited. */
export async function patchStaff(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  input: StaffPatchBody,
): Promise<StaffView> {
  const before = await scopedStaff(tx, actor, id);
  const role = input.role ?? before.role;
  const unit = input.unit === undefined ? before.unit : input.unit?.trim() || null;
  const fromDate = input.fromDate === undefined ? before.fromDate : input.fromDate;
  const untilDate = input.untilDate === undefined ? before.untilDate : input.untilDate;
  checkDates(fromDate, untilDate);
  const active = input.active ?? before.active;
  if (input.phone !== undefined) {
    const phone = sealedPhone(ctx, input.phone);
    await tx.query(
      'UPDATE isolation_site_staff SET phone_cipher = $2, phone_hash = $3, phone_masked = $4 WHERE id = $1',
      [id, phone.cipher, phone.hash, phone.masked],
    );
  }
  await tx.query(
    `UPDATE isolation_site_staff SET role = $2, unit = $3, from_date = $4, until_date = $5, active = $6, updated_at = $7
     WHERE id = $1`,
    [id, role, unit, fromDate, untilDate, active, ctx.now()],
  );
  const after = await scopedStaff(tx, actor, id);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'isolation_site_staff',
    entityId: id,
    jurisdictionCode: before.code,
    before: { role: before.role, unit: before.unit, phoneMasked: before.phoneMasked, active: before.active },
    after: { role, unit, phoneMasked: after.phoneMasked, active },
  });
  return strip(after);
}

/** A staff member's whole phone for a caller holding person.unmask, with a reason; audited as an unmasking. */
export async function revealStaffPhone(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  reason: string,
): Promise<string | null> {
  const staff = await scopedStaff(tx, actor, id);
  const [row] = await tx.query<{ phone_cipher: Buffer | null }>(
    'SELECT phone_cipher FROM isolation_site_staff WHERE id = $1',
    [id],
  );
  await recordAudit(tx, actor, {
    action: 'unmask',
    entity: 'isolation_site_staff',
    entityId: id,
    jurisdictionCode: staff.code,
    detail: { reason, fields: ['phone'] },
  });
  return row?.phone_cipher ? ctx.cipher.decrypt(row.phone_cipher) : null;
}
