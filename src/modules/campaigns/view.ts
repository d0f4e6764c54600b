import type { Campaign, MissingPerson, Progress } from '../../api/campaigns.js';

/** Campaign responses: their schemas are the API contract in src/api/campaigns.ts. */
export type { Campaign as CampaignView, MissingPerson, Progress as ProgressResponse };

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const CAMPAIGN_STATUSES = ['planned', 'active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_VIEW_SQL = `c.id, c.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = c.jurisdiction_code) AS "jurisdictionName",
  c.name, c.pool_size AS "poolSize", ${iso('c.starts_at')} AS "startsAt", ${iso('c.due_at')} AS "dueAt",
  c.status, ${iso('c.created_at')} AS "createdAt"`;
