import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { idHash } from '../../platform/pii/seal.js';
import { checkpointOutcome, type PassDecision } from '../../rules/checkpointOutcome.js';
import { maskIdNumber, maskPhone } from '../../rules/mask.js';
import { inScope } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import { registerArrival } from '../arrivals/index.js';
import { type Checkpoint, channelOf, getCheckpoint } from './checkpoints.js';
import { classifyOrigin, type OriginClass } from './originRisk.js';
import { type PassFields, type PassInput, validatePass } from './passInput.js';
import { PASS_VIEW_SQL, type PassView, type Registration } from './passView.js';

export interface LoggedPass {
  pass: PassView;
  created: boolean;
  registration: Registration | null;
}

/** registerArrival names the arrival's fields; the pass form names its own. */
const FORM_FIELD: Readonly<Record<string, string>> = {
  'person.name': 'name',
  'person.idNumber': 'idNumber',
  'person.phone': 'phone',
  jurisdictionCode: 'destinationCode',
  negativeNatAt: 'natAt',
};

const duplicateId = () => new AppError('id_taken', [fieldError('id', 'duplicate_id')]);

async function passById(tx: Queryable, id: string): Promise<PassView | undefined> {
  const [row] = await tx.query<PassView>(`SELECT ${PASS_VIEW_SQL} FROM checkpoint_passes x WHERE x.id = $1`, [
    id,
  ]);
  return row;
}

/** A destination in the caller's reach must be a known jurisdiction; beyond it, it is handed over by hand. */
async function checkDestination(tx: Queryable, actor: Actor, code: string): Promise<boolean> {
  if (!inScope(code, actor.scopes)) return false;
  const [row] = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1', [code]);
  if (!row) throw invalid([fieldError('destinationCode', 'jurisdiction_unknown')]);
  return true;
}

async function register(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  checkpoint: Checkpoint,
  passId: string,
  fields: PassFields,
  passedAt: Date,
): Promise<Registration> {
  try {
    const registered = await registerArrival(ctx, tx, actor, {
      person: { name: fields.name, idNumber: fields.idNumber, phone: fields.phone },
      jurisdictionCode: fields.destinationCode,
      channel: channelOf(checkpoint.kind),
      sourceRef: passId,
      origin: fields.origin,
      originDivisionCode: fields.originDivisionCode,
      originName: fields.originName,
      originCountry: fields.originCountry,
      leftOriginAt: fields.leftOriginAt,
      arrivedAt: passedAt,
      negativeNatAt: fields.natAt && fields.natAt <= passedAt ? fields.natAt : null,
      greenHealthCode: fields.healthCode === 'green',
    });
    return {
      arrivalId: registered.arrivalId,
      personId: registered.personId,
      created: registered.created,
      rule: registered.plan?.rule ?? null,
      protocolId: registered.plan?.protocolId ?? null,
      protocolTitle: registered.plan?.title ?? null,
      releaseDate: registered.plan?.releaseDate ?? null,
      underControl: (registered.plan?.phases.length ?? 0) > 0,
    };
  } catch (error) {
    if (!(error instanceof AppError) || error.fields.length === 0) throw error;
    const fields = error.fields.map((f) => fieldError(FORM_FIELD[f.field] ?? f.field, f.code));
    throw new AppError(error.code, fields, error.extra);
  }
}

/**
 * Logs one traveller at a checkpoint (HC-3) and decides what happens to them (ARR-15): the origin
 * is classified as it stood when they left it, the outcome rule tags the pass, and a traveller to
 * be registered becomes an arrival of the destination community, whose plan's deadlines land on
 * that community's lists. Idempotent on a client-supplied id. Everything in the caller's transaction.
 */
export async function logPass(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  checkpointId: string,
  input: PassInput,
): Promise<LoggedPass> {
  const now = ctx.now();
  const { fields, errors } = validatePass(input, localDate(now, ctx.config.defaultTimeZone), now);
  if (!fields) throw invalid(errors);
  if (input.id) {
    const again = await passById(tx, input.id);
    if (again?.checkpointId === checkpointId) return { pass: again, created: false, registration: null };
    if (again) throw duplicateId();
  }
  const checkpoint = await getCheckpoint(tx, actor, checkpointId);
  if (!checkpoint.active) throw notFound();
  const reachable = await checkDestination(tx, actor, fields.destinationCode);
  const origin: OriginClass =
    fields.origin === 'domestic'
      ? await classifyOrigin(tx, fields.originDivisionCode, fields.leftOriginAt)
      : {};
  const decision: PassDecision = checkpointOutcome(
    { temperature: fields.temperature, healthCode: fields.healthCode, origin: fields.origin, ...origin },
    { registerEveryArrival: input.registerEveryArrival === true },
  );
  const passId = input.id ?? randomUUID();
  const registration =
    decision.register && reachable ? await register(ctx, tx, actor, checkpoint, passId, fields, now) : null;
  const handover = decision.register ? (reachable ? 'registered' : 'outside_scope') : null;
  const inserted = await tx.query(
    `INSERT INTO checkpoint_passes (id, checkpoint_id, jurisdiction_code, passed_at, person_name, id_cipher, id_hash,
       id_masked, phone_cipher, phone_masked, health_code, temperature, origin, origin_division_code, origin_name,
       origin_risk, origin_district_risk, nat_at, destination_code, plate, outcome, reasons, arrival_id, handover,
       recorded_by, direction, nat_within_hours, itinerary_shown, itinerary_places)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
       $23, $24, $25, $26, $27, $28, $29)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      passId,
      checkpoint.id,
      checkpoint.jurisdictionCode,
      now,
      fields.name,
      ctx.cipher.encrypt(fields.idNumber),
      idHash(ctx.cipher, fields.idNumber),
      maskIdNumber(fields.idNumber),
      fields.phone ? ctx.cipher.encrypt(fields.phone) : null,
      fields.phone ? maskPhone(fields.phone) : null,
      fields.healthCode,
      fields.temperature,
      fields.origin,
      fields.originDivisionCode,
      fields.originName,
      origin.originRisk ?? null,
      origin.originDistrictRisk ?? null,
      fields.natAt,
      fields.destinationCode,
      fields.plate,
      decision.outcome,
      decision.reasons,
      registration?.arrivalId ?? null,
      handover,
      actor.userId,
      fields.direction,
      checkpoint.natWithinHours,
      fields.itineraryShown,
      fields.itineraryPlaces,
    ],
  );
  // An id already used beyond the caller's scope: refused (the transaction undoes the registration).
  if (inserted.length === 0) throw duplicateId();
  const pass = await passById(tx, passId);
  if (!pass) throw new Error('the checkpoint pass just inserted cannot be read back');
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'checkpoint_pass',
    entityId: passId,
    jurisdictionCode: checkpoint.jurisdictionCode,
    after: {
      checkpointId: checkpoint.id,
      idNumberMasked: pass.idNumberMasked,
      outcome: pass.outcome,
      reasons: pass.reasons,
      handover,
      arrivalId: pass.arrivalId,
      direction: pass.direction,
      natProof: pass.natProof,
      itineraryShown: pass.itineraryShown,
    },
  });
  return { pass, created: true, registration };
}
