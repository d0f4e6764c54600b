import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { fieldError, invalid } from '../../platform/errors.js';
import { sealIdentifiers } from '../../platform/pii/seal.js';
import { countyOf, formatReceipt, lookDueAt, maskName } from '../../rules/landing.js';
import { buildObligations, type Obligations } from '../../rules/landingObligations.js';
import { maskIdNumber, maskPhone } from '../../rules/mask.js';
import { localDate } from '../../rules/time.js';
import { previewArrival } from '../arrivals/index.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { isPlaceOf, landingArea } from './landingCode.js';
import { syncLookDeadline } from './lookQueue.js';
import { type ReportFields, type ReportInput, validateReport } from './validate.js';

export const SUBJECT = 'landing_report';

/** What the traveller sees after reporting: a receipt, their obligations, identity only masked. */
export interface Submitted {
  id: string;
  receipt: string;
  created: boolean;
  submittedAt: string;
  landing: { code: string; name: string };
  destination: { code: string; name: string };
  person: { nameMasked: string; idNumberMasked: string; phoneMasked: string };
  obligations: Obligations;
}

interface Stored {
  id: string;
  receipt: string;
  submittedAt: Date | string;
}

async function findExisting(tx: Queryable, landingCode: string, hash: Buffer, id: string | undefined) {
  const [row] = await tx.query<Stored>(
    `SELECT id, receipt, submitted_at AS "submittedAt" FROM landing_reports
     WHERE (landing_code = $1 AND dedupe_hash = $2) OR id = $3 LIMIT 1`,
    [landingCode, hash, id ?? null],
  );
  return row;
}

async function checkedFields(ctx: AppContext, tx: Queryable, landingCode: string, input: ReportInput) {
  const timeZone = await effectiveTimeZone(tx, landingCode, ctx.config.defaultTimeZone);
  const now = ctx.now();
  const { fields, errors } = validateReport(input, now, localDate(now, timeZone));
  if (/^\d{12}$/.test(input.destinationCode) && !(await isPlaceOf(tx, landingCode, input.destinationCode))) {
    errors.push(fieldError('destinationCode', 'outside_landing_area'));
  }
  if (!fields || errors.length > 0) throw invalid(errors);
  return { fields, timeZone };
}

/** Checks a report as submitReport would, storing nothing: 404 or 400 with every field problem. */
export async function checkReport(ctx: AppContext, tx: Queryable, landingCode: string, input: ReportInput) {
  await landingArea(tx, landingCode);
  await checkedFields(ctx, tx, landingCode, input);
}

/**
 * Stores the claim and nothing else: no person is looked up or registered, no arrival is planned
 * (DESIGN "Safe by default"). The claimed identifiers are kept sealed, as persons keeps them, for
 * the match after verification.
 */
async function store(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  landingCode: string,
  fields: ReportFields,
  hash: Buffer,
  id: string,
  timeZone: string,
): Promise<Stored> {
  const now = ctx.now();
  const receipt = formatReceipt(localDate(now, timeZone), randomBytes(8));
  const sealed = sealIdentifiers(ctx.cipher, fields.idNumber, fields.phone || null);
  await tx.query(
    `INSERT INTO landing_reports (id, receipt, jurisdiction_code, landing_code, person_name, id_type, id_cipher, id_hash,
       id_masked, phone_cipher, phone_hash, phone_masked, dedupe_hash, address, itinerary_star, truck_driver, entered_by,
       submitted_at, look_due_at, origin, origin_division_code, origin_name, origin_country, left_origin_at, arrived_at,
       entered_at, port_isolation_days, home_isolation_conditions, negative_nat_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
       $24, $25, $26, $27, $28, $29)`,
    [
      id,
      receipt,
      fields.destinationCode,
      landingCode,
      fields.name,
      fields.idType,
      sealed.id_cipher,
      sealed.id_hash,
      sealed.id_masked,
      sealed.phone_cipher,
      sealed.phone_hash,
      sealed.phone_masked,
      hash,
      fields.address,
      fields.itineraryStar,
      fields.truckDriver,
      actor?.userId ?? null,
      now,
      lookDueAt(now),
      fields.origin,
      fields.originDivisionCode,
      fields.originName,
      fields.originCountry,
      fields.leftOriginAt,
      fields.arrivedAt,
      fields.enteredAt,
      fields.portIsolationDays,
      fields.homeIsolationConditions,
      fields.negativeNatAt,
    ],
  );
  // ARR-11: the county's designated staff look within 30 minutes (one deadline on the queue).
  await syncLookDeadline(tx, countyOf(fields.destinationCode), actor?.userId ?? null, now);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'landing_report',
    entityId: id,
    jurisdictionCode: fields.destinationCode,
    after: {
      receipt,
      landingCode,
      destinationCode: fields.destinationCode,
      personName: fields.name,
      idNumberMasked: sealed.id_masked,
    },
    detail: { channel: 'landing_code', ...(actor ? { enteredOnBehalf: true } : {}) },
  });
  return { id, receipt, submittedAt: now };
}

/** What the reported facts call for under the destination's pack, as a preview: nothing is stored. */
function preview(ctx: AppContext, tx: Queryable, fields: ReportFields) {
  return previewArrival(ctx, tx, {
    jurisdictionCode: fields.destinationCode,
    origin: fields.origin,
    originDivisionCode: fields.originDivisionCode,
    originName: fields.originName,
    originCountry: fields.originCountry,
    leftOriginAt: fields.leftOriginAt,
    arrivedAt: fields.arrivedAt,
    enteredAt: fields.enteredAt,
    portIsolationDays: fields.portIsolationDays,
    truckCrew: fields.truckDriver,
    homeIsolationConditions: fields.homeIsolationConditions,
    negativeNatAt: fields.negativeNatAt,
  });
}

/**
 * ARR-11 self-report, a claim: validates everything first, then stores the report alone and brings
 * the county's 30-minute look up to date. The person, the arrival and its plan come only after the
 * community has verified the report and staff have matched it (workflow.ts). The answer depends on
 * the report alone, never on whether the ID number is registered. The same ID number, arrival time
 * and landing code again returns the first report unchanged. `actor` is staff entering on someone's
 * behalf, or undefined for the public.
 */
export async function submitReport(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  landingCode: string,
  input: ReportInput,
  id?: string,
): Promise<Submitted> {
  const landing = await landingArea(tx, landingCode);
  const { fields, timeZone } = await checkedFields(ctx, tx, landingCode, input);
  const hash = ctx.cipher.lookupHash(
    'landing_report',
    `${landingCode}|${fields.idNumber}|${fields.arrivedAt.toISOString()}`,
  );
  const existing = await findExisting(tx, landingCode, hash, id);
  const saved =
    existing ?? (await store(ctx, tx, actor, landingCode, fields, hash, id ?? randomUUID(), timeZone));
  const [destination] = await tx.query<{ name: string }>('SELECT name FROM jurisdictions WHERE code = $1', [
    fields.destinationCode,
  ]);
  const destinationName = destination?.name ?? fields.destinationCode;
  return {
    id: saved.id,
    receipt: saved.receipt,
    created: !existing,
    submittedAt: new Date(saved.submittedAt).toISOString(),
    landing: { code: landing.code, name: landing.fullName },
    destination: { code: fields.destinationCode, name: destinationName },
    person: {
      nameMasked: maskName(fields.name),
      idNumberMasked: maskIdNumber(fields.idNumber),
      phoneMasked: maskPhone(fields.phone),
    },
    obligations: buildObligations({
      // B7: the plan, or the CDC's review of an origin known only to a level holding a risk area.
      ...(await preview(ctx, tx, fields)),
      destinationName,
      truckDriver: fields.truckDriver,
      itineraryStar: fields.itineraryStar,
    }),
  };
}
