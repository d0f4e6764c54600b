import type { SAMPLE_PURPOSES } from '../../api/sampling.js';
import { type FieldError, fieldError, invalid } from '../../platform/errors.js';
import { checkIdNumber } from '../../rules/idNumber.js';
import { checkTubeBarcode } from '../../rules/tubeBarcode.js';
import type { SampleCategory } from '../../rules/turnaround.js';

type SamplePurpose = (typeof SAMPLE_PURPOSES)[number];

/** One registration at a sampling table: a person (scanned ID or known id) into a tube (TST-1). */
export interface RegisterInput {
  siteId: string;
  tableNo: number;
  tubeBarcode: string;
  idNumber?: string | undefined;
  personId?: string | undefined;
  name?: string | undefined;
  purpose: SamplePurpose;
  campaignId?: string | null | undefined;
  poolSize?: number | undefined;
  category?: SampleCategory | undefined;
  arrivalId?: string | undefined;
  planItem?: string | undefined;
}

export interface Registration extends Omit<RegisterInput, 'idNumber' | 'name' | 'campaignId' | 'category'> {
  barcode: string;
  /** The normalised resident ID number, when the person is identified by one. */
  idNumber: string | null;
  name: string | null;
  campaignId: string | null;
  category: SampleCategory;
}

/** Checks what can be checked without the database, reporting every problem at once. */
export function validateRegistration(input: RegisterInput, today: string): Registration {
  const errors: FieldError[] = [];
  const tube = checkTubeBarcode(input.tubeBarcode);
  if (!tube.ok) errors.push(fieldError('tubeBarcode', tube.problem));
  let idNumber: string | null = null;
  if (!input.personId) {
    const id = checkIdNumber('resident_id', input.idNumber ?? '', today);
    if (id.ok) idNumber = id.normalized;
    else errors.push(fieldError('idNumber', id.problem));
  }
  // A re-sample after a positive pool is taken alone (TST-1): never into a pool.
  if (input.purpose === 'resample' && input.poolSize !== undefined && input.poolSize !== 1)
    errors.push(fieldError('poolSize', 'resample_individual'));
  // A campaign samples each person once; a re-sample is taken outside it (0021_campaign_progress).
  if (input.purpose === 'resample' && input.campaignId)
    errors.push(fieldError('campaignId', 'resample_outside_campaign'));
  if ((input.arrivalId === undefined) !== (input.planItem === undefined))
    errors.push(fieldError(input.arrivalId ? 'planItem' : 'arrivalId', 'arrival_plan_required'));
  if (errors.length > 0 || !tube.ok) throw invalid(errors);
  return {
    ...input,
    barcode: tube.barcode,
    idNumber,
    name: input.name?.trim() || null,
    campaignId: input.campaignId ?? null,
    category: input.category ?? 'general',
  };
}
