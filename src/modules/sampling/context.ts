import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { idHash } from '../../platform/pii/seal.js';
import type { SampleCategory } from '../../rules/turnaround.js';
import type { Registration } from './registerInput.js';
import { iso } from './view.js';

/** Everything a registration must know before it writes, read in one statement (fast tables). */
export interface RegistrationContext {
  siteCode: string;
  tables: number;
  active: boolean;
  campaignId: string | null;
  campaignCode: string | null;
  campaignStatus: string | null;
  poolSize: number | null;
  tubeId: string | null;
  tubeSiteId: string | null;
  capacity: number | null;
  memberCount: number | null;
  sealed: boolean | null;
  resulted: boolean | null;
  tubeCategory: SampleCategory | null;
  tubeDueAt: string | null;
  /** The barcode belongs to a tube the caller cannot see (another county's). */
  taken: boolean;
  /** The person the ID number (or person id) names, even outside the caller's scope. */
  foundPersonId: string | null;
  personName: string | null;
  idNumberMasked: string | null;
  personCode: string | null;
  /** The person is already in this tube / already sampled in this campaign (as far as RLS shows). */
  inTube: boolean;
  inCampaign: boolean;
  /** An open TST-1 control: the person is sampled alone until cleared. */
  underControl: boolean;
}

export async function loadRegistrationContext(
  ctx: AppContext,
  tx: Queryable,
  input: Registration,
): Promise<RegistrationContext | undefined> {
  const hash = input.idNumber ? idHash(ctx.cipher, input.idNumber) : null;
  const [row] = await tx.query<RegistrationContext>(
    `SELECT s.jurisdiction_code AS "siteCode", s.tables, s.active,
       c.id AS "campaignId", c.jurisdiction_code AS "campaignCode", c.status AS "campaignStatus",
       c.pool_size AS "poolSize",
       t.id AS "tubeId", t.site_id AS "tubeSiteId", t.capacity, t.member_count AS "memberCount",
       t.sealed_at IS NOT NULL AS sealed, t.result IS NOT NULL AS resulted, t.category AS "tubeCategory",
       ${iso('t.due_at')} AS "tubeDueAt",
       CASE WHEN t.id IS NULL THEN fangkong_tube_barcode_taken($3) ELSE false END AS taken,
       h.id AS "foundPersonId", p.name AS "personName", p.id_masked AS "idNumberMasked",
       p.jurisdiction_code AS "personCode",
       EXISTS (SELECT 1 FROM samples x WHERE x.tube_id = t.id AND x.person_id = h.id) AS "inTube",
       EXISTS (SELECT 1 FROM samples x WHERE x.campaign_id = $2::uuid AND x.person_id = h.id) AS "inCampaign",
       EXISTS (SELECT 1 FROM person_controls pc WHERE pc.person_id = h.id AND pc.cleared_at IS NULL)
         AS "underControl"
     FROM sampling_sites s
     LEFT JOIN campaigns c ON c.id = $2::uuid
     LEFT JOIN tubes t ON t.barcode = $3
     CROSS JOIN (SELECT CASE WHEN $4::uuid IS NOT NULL THEN $4::uuid
                        ELSE fangkong_person_id_by_hash($5::bytea) END AS id) h
     LEFT JOIN persons p ON p.id = h.id
     WHERE s.id = $1`,
    [input.siteId, input.campaignId, input.barcode, input.personId ?? null, hash],
  );
  return row;
}
