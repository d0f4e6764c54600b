import type { Queryable } from '../../platform/db/types.js';

/** The purposes the `samples` table admits. */
type SamplePurposeValue = 'campaign' | 'routine' | 'arrival' | 'resample' | 'clinical' | 'other';

/** One person's sample in one tube (TST-1); it belongs to the jurisdiction of the site that took it. */
export interface NewSample {
  tubeId: string;
  personId: string;
  jurisdictionCode: string;
  campaignId: string | null;
  purpose: SamplePurposeValue;
  /** The arrival plan's test this sample answers, if any. */
  arrivalId: string | null;
  planItem: string | null;
  sampledAt: Date;
  sampledBy: string;
}

/**
 * Records a sample and returns its id; undefined when the person is already in the tube, or was
 * sampled in the campaign by a concurrent table or outside the caller's scope (ON CONFLICT).
 */
export async function insertSample(tx: Queryable, sample: NewSample): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO samples (tube_id, person_id, jurisdiction_code, campaign_id, purpose, arrival_id, plan_item,
       sampled_at, sampled_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
    [
      sample.tubeId,
      sample.personId,
      sample.jurisdictionCode,
      sample.campaignId,
      sample.purpose,
      sample.arrivalId,
      sample.planItem,
      sample.sampledAt,
      sample.sampledBy,
    ],
  );
  return row?.id;
}
