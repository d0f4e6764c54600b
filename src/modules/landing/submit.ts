import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { openDeadline } from '../../platform/deadlines/service.js';
import { fieldError, invalid } from '../../platform/errors.js';
import { countyOf, formatReceipt, lookDueAt, maskName } from '../../rules/landing.js';
import { buildObligations, type Obligations } from '../../rules/landingObligations.js';
import { maskIdNumber, maskPhone } from '../../rules/mask.js';
import type { Plan } from '../../rules/policy/types.js';
import { localDate } from '../../rules/time.js';
import { registerArrival } from '../arrivals/index.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { isPlaceOf, landingArea } from './landingCode.js';
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
  arrivalId: string;
}

async function planOf(tx: Queryable, arrivalId: string): Promise<Plan | null> {
  const [row] = await tx.query<{ plan: Plan }>(
    "SELECT plan FROM arrival_plans WHERE arrival_id = $1 AND status = 'active'",
    [arrivalId],
  );
  return row?.plan ?? null;
}

async function findExisting(tx: Queryable, landingCode: string, hash: Buffer, id: string | undefined) {
  const [row] = await tx.query<Stored>(
    `SELECT id, receipt, submitted_at AS "submittedAt", arrival_id AS "arrivalId" FROM landing_reports
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

async function store(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  landingCode: string,
  fields: ReportFields,
  hash: Buffer,
  id: string,
  timeZone: string,
) {
  const now = ctx.now();
  const registered = await registerArrival(ctx, tx, actor, {
    person: { name: fields.name, idNumber: fields.idNumber, phone: fields.phone },
    jurisdictionCode: fields.destinationCode,
    channel: 'landing_code',
    sourceRef: id,
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
  const receipt = formatReceipt(localDate(now, timeZone), randomBytes(8));
  const idMasked = maskIdNumber(fields.idNumber);
  await tx.query(
    `INSERT INTO landing_reports (id, receipt, jurisdiction_code, landing_code, arrival_id, person_id, person_name,
       id_masked, phone_masked, dedupe_hash, address, itinerary_star, truck_driver, entered_by, submitted_at, look_due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      id,
      receipt,
      fields.destinationCode,
      landingCode,
      registered.arrivalId,
      registered.personId,
      fields.name,
      idMasked,
      maskPhone(fields.phone),
      hash,
      fields.address,
      fields.itineraryStar,
      fields.truckDriver,
      actor?.userId ?? null,
      now,
      lookDueAt(now),
    ],
  );
  // ARR-11: the county's designated staff look within 30 minutes.
  await openDeadline(tx, {
    ruleId: 'ARR-11',
    kind: 'landing.look',
    subjectType: SUBJECT,
    subjectId: id,
    jurisdictionCode: countyOf(fields.destinationCode),
    ownerRole: 'working_group',
    openedAt: now,
    dueAt: lookDueAt(now),
    title: { zh: `查看落地码报备 ${receipt}`, en: `Look at landing-code report ${receipt}` },
    personId: registered.personId,
  });
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
      idNumberMasked: idMasked,
    },
    detail: { channel: 'landing_code', ...(actor ? { enteredOnBehalf: true } : {}) },
  });
  return { id, receipt, submittedAt: now, arrivalId: registered.arrivalId, plan: registered.plan };
}

/**
 * ARR-11 self-report: validates everything first, then in the caller's one transaction registers
 * the arrival (person, plan, plan work), stores the report and opens its 30-minute look. Any failure
 * rolls back the lot. The same ID number, arrival time and landing code again returns the first
 * report unchanged. `actor` is staff entering on someone's behalf, or undefined for the public.
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
  const saved = existing
    ? { ...existing, plan: await planOf(tx, existing.arrivalId) }
    : await store(ctx, tx, actor, landingCode, fields, hash, id ?? randomUUID(), timeZone);
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
      plan: saved.plan,
      destinationName,
      truckDriver: fields.truckDriver,
      itineraryStar: fields.itineraryStar,
    }),
  };
}
