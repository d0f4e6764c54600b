import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';

/** The states the `campaigns` table admits (TST-6). */
export type CampaignState = 'planned' | 'active' | 'closed';

/** A testing campaign as written (TST-6): the jurisdiction tested, its pool size and its window. */
export interface NewCampaign {
  jurisdictionCode: string;
  name: string;
  poolSize: number;
  startsAt: Date;
  dueAt: Date;
  status: CampaignState;
  createdBy: string;
  createdAt: Date;
}

/** Inserts a campaign (TST-6) and returns its id; the caller has checked scope, name and window. */
export async function insertCampaign(tx: Queryable, campaign: NewCampaign): Promise<string> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO campaigns (jurisdiction_code, name, pool_size, starts_at, due_at, status, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      campaign.jurisdictionCode,
      campaign.name,
      campaign.poolSize,
      campaign.startsAt.toISOString(),
      campaign.dueAt.toISOString(),
      campaign.status,
      campaign.createdBy,
      campaign.createdAt.toISOString(),
    ],
  );
  return firstRow(inserted, 'INSERT INTO campaigns').id;
}

/** Sets a campaign's status; the caller has checked that the transition is allowed. */
export async function setCampaignStatus(tx: Queryable, id: string, status: CampaignState): Promise<void> {
  await tx.query('UPDATE campaigns SET status = $2 WHERE id = $1', [id, status]);
}
