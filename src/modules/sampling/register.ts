import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import type { FieldCode } from '../../platform/messages.js';
import { localDate } from '../../rules/time.js';
import { resultDueAt } from '../../rules/turnaround.js';
import {
  addTubeMember,
  closeSamplingObligations,
  insertSample,
  openTube,
  type TubeFill,
} from '../testing/index.js';
import { checkArrivalLink } from './arrivalLink.js';
import { loadRegistrationContext, type RegistrationContext } from './context.js';
import { resolvePerson } from './person.js';
import { type RegisterInput, type Registration, validateRegistration } from './registerInput.js';
import { samplingJurisdiction } from './sites.js';
import type { MaskedPerson, SampleView, TubeState } from './view.js';

export interface RegisterResult {
  sample: SampleView;
  tube: TubeState;
  person: MaskedPerson;
}

const refuse = (field: string, code: FieldCode) => new AppError('sample_refused', [fieldError(field, code)]);

/** The pool size of the tube this sample goes into (TST-1): a re-sample always alone. */
function capacityOf(input: Registration, found: RegistrationContext): number {
  if (input.purpose === 'resample') return 1;
  return input.poolSize ?? found.poolSize ?? 1;
}

/** The contract of testing.md: a tube takes a sample only while open, of its size, at its site. */
function checkTube(input: Registration, found: RegistrationContext, capacity: number, siteId: string) {
  if (found.tubeId === null) {
    if (found.taken) throw refuse('tubeBarcode', 'barcode_taken');
    return;
  }
  if (found.tubeSiteId !== siteId) throw refuse('tubeBarcode', 'barcode_taken');
  if (found.resulted) throw refuse('tubeBarcode', 'tube_resulted');
  if ((found.memberCount ?? 0) >= (found.capacity ?? 0)) throw refuse('tubeBarcode', 'tube_full');
  if (found.sealed) throw refuse('tubeBarcode', 'tube_sealed');
  if (found.capacity !== capacity)
    throw refuse(input.poolSize ? 'poolSize' : 'tubeBarcode', 'capacity_mismatch');
}

function checkCampaign(input: Registration, found: RegistrationContext) {
  if (input.campaignId === null) return;
  const usable =
    found.campaignId !== null &&
    found.campaignStatus === 'active' &&
    found.siteCode.startsWith(found.campaignCode ?? '\u0000');
  if (!usable) throw invalid([fieldError('campaignId', 'campaign_unknown')]);
}

/** Opens the tube on its first sample, or adds one member; a full tube is sealed at once. */
async function writeTube(
  tx: Queryable,
  actor: Actor,
  input: Registration,
  found: RegistrationContext,
  capacity: number,
  now: Date,
): Promise<TubeFill> {
  if (found.tubeId === null) {
    const opened = await openTube(tx, {
      barcode: input.barcode,
      jurisdictionCode: found.siteCode,
      siteId: input.siteId,
      tableNo: input.tableNo,
      campaignId: input.campaignId,
      category: input.category,
      capacity,
      openedAt: now,
      dueAt: resultDueAt(input.category, now),
      openedBy: actor.userId,
    });
    // Another table opened the same barcode a moment ago.
    if (!opened) throw refuse('tubeBarcode', 'barcode_taken');
    return opened;
  }
  const added = await addTubeMember(tx, found.tubeId, now);
  if (!added) throw refuse('tubeBarcode', 'tube_full');
  return added;
}

/**
 * Registers one person into one tube at a sampling table (TST-1), in the caller's transaction:
 * opens or fills the tube, records the sample, closes the person's re-sampling and missed-routine
 * obligations (TST-1, TST-5) and audits it. Refusals leave nothing behind.
 */
export async function registerSample(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  raw: RegisterInput,
): Promise<RegisterResult> {
  const now = ctx.now();
  const input = validateRegistration(raw, localDate(now, ctx.config.defaultTimeZone));
  const loaded = await loadRegistrationContext(ctx, tx, input);
  // At a site set up above the caller (a town's site serving its villages), the tube and the
  // sample belong to the caller's own jurisdiction: who took the sample.
  const code = loaded && samplingJurisdiction(loaded.siteCode, actor.scopes);
  if (!loaded || !code) throw notFound();
  const found: RegistrationContext = { ...loaded, siteCode: code };
  if (!found.active) throw refuse('siteId', 'site_inactive');
  if (input.tableNo > found.tables) throw invalid([fieldError('tableNo', 'table_unknown')]);
  checkCampaign(input, found);
  const capacity = capacityOf(input, found);
  checkTube(input, found, capacity, input.siteId);
  const person = await resolvePerson(ctx, tx, actor, input, found);
  const personField = input.personId ? 'personId' : 'idNumber';
  if (found.inTube) throw refuse(personField, 'person_in_tube');
  if (found.inCampaign) throw refuse(personField, 'sampled_in_campaign');
  // TST-1: a member of a positive pool is controlled until an individual tube clears them.
  if (found.underControl && capacity > 1) throw refuse(personField, 'under_control_individual');
  if (input.arrivalId && input.planItem)
    await checkArrivalLink(tx, actor, {
      arrivalId: input.arrivalId,
      planItem: input.planItem,
      personId: person.id,
    });
  const tube = await writeTube(tx, actor, input, found, capacity, now);
  const sampleId = await insertSample(tx, {
    tubeId: tube.id,
    personId: person.id,
    jurisdictionCode: found.siteCode,
    campaignId: input.campaignId,
    purpose: input.purpose,
    arrivalId: input.arrivalId ?? null,
    planItem: input.planItem ?? null,
    sampledAt: now,
    sampledBy: actor.userId,
  });
  // A concurrent table, or a campaign sample outside the caller's scope, got there first.
  if (!sampleId) throw refuse(personField, input.campaignId ? 'sampled_in_campaign' : 'person_in_tube');
  await closeSamplingObligations(tx, [person.id], now, actor.userId);
  const tubeState: TubeState = {
    barcode: input.barcode,
    capacity: tube.capacity,
    memberCount: tube.memberCount,
    full: tube.memberCount >= tube.capacity,
    sealed: tube.sealed,
    dueAt: tube.dueAt,
  };
  const view: SampleView = {
    id: sampleId,
    tubeId: tube.id,
    personId: person.id,
    siteId: input.siteId,
    tableNo: input.tableNo,
    campaignId: input.campaignId,
    purpose: input.purpose,
    category: found.tubeCategory ?? input.category,
    arrivalId: input.arrivalId ?? null,
    planItem: input.planItem ?? null,
    sampledAt: now.toISOString(),
  };
  await recordAudit(tx, actor, {
    action: 'sample.register',
    entity: 'sample',
    entityId: sampleId,
    jurisdictionCode: found.siteCode,
    after: { ...view, idNumberMasked: person.idNumberMasked, tube: tubeState },
  });
  return { sample: view, tube: tubeState, person };
}
