import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import { type SheetColumn, type SheetRow, streamWorkbook } from '../../platform/bulk/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { afterPerson, auditedExportPages, EXPORT_PAGE } from '../persons/index.js';
import { campaignNode } from './progress.js';
import { getCampaign } from './service.js';
import type { MissingPerson } from './view.js';

const MISSING_SQL = `p.id, p.name, p.id_masked AS "idNumberMasked", p.phone_masked AS "phoneMasked",
  p.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = p.jurisdiction_code) AS "jurisdictionName", p.address`;

/** Persons of the subtree without a sample of the campaign; the anti-join probes samples_campaign. */
const MISSING_WHERE = `p.jurisdiction_code >= $2 AND p.jurisdiction_code < $3
  AND NOT EXISTS (SELECT 1 FROM samples s WHERE s.campaign_id = $1 AND s.person_id = p.id)`;

/** TST-6 missing list: people not yet sampled in the campaign, masked, by jurisdiction and name. */
export async function missingPersons(
  tx: Queryable,
  actor: Actor,
  id: string,
  jurisdiction: string | undefined,
  page: number,
  pageSize: number,
): Promise<{ items: MissingPerson[]; total: number; page: number; pageSize: number }> {
  const campaign = await getCampaign(tx, actor, id);
  const node = await campaignNode(tx, campaign, jurisdiction, 'jurisdiction');
  const params = [campaign.id, node.code, `${node.code}:`];
  const [count] = await tx.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM persons p WHERE ${MISSING_WHERE}`,
    params,
  );
  const items = await tx.query<MissingPerson>(
    `SELECT ${MISSING_SQL} FROM persons p WHERE ${MISSING_WHERE}
     ORDER BY p.jurisdiction_code, p.name, p.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { items, total: count?.total ?? 0, page, pageSize };
}

const COLUMNS: SheetColumn[] = [
  { header: '姓名', key: 'name', width: 12 },
  { header: '证件号码', key: 'idNumber', width: 22 },
  { header: '联系电话', key: 'phone', width: 14 },
  { header: '现住址区划代码', key: 'jurisdictionCode', width: 18 },
  { header: '现住址区划名称', key: 'jurisdictionName', width: 28 },
  { header: '详细地址', key: 'address', width: 30 },
];

const toSheetRow = (row: MissingPerson): SheetRow => ({
  name: row.name,
  idNumber: row.idNumberMasked,
  phone: row.phoneMasked,
  jurisdictionCode: row.jurisdictionCode,
  jurisdictionName: row.jurisdictionName,
  address: row.address,
});

/** Keyset pages of the missing list; the export is audited when it ends, like the persons export. */
function missingPages(ctx: AppContext, actor: Actor, campaignId: string, code: string) {
  return auditedExportPages<MissingPerson>(
    ctx,
    actor,
    (tx, after) => {
      const params: unknown[] = [campaignId, code, `${code}:`];
      return tx.query<MissingPerson>(
        `SELECT ${MISSING_SQL} FROM persons p WHERE ${MISSING_WHERE}${afterPerson(after, params)}
         ORDER BY p.jurisdiction_code, p.name, p.id LIMIT ${EXPORT_PAGE}`,
        params,
      );
    },
    (row) => row,
    toSheetRow,
    (rows, complete) => ({
      action: 'export',
      entity: 'campaign',
      entityId: campaignId,
      jurisdictionCode: code,
      detail: { format: 'xlsx', list: 'missing', jurisdiction: code, rows, complete },
    }),
  );
}

/** The missing list of one community (or any node of the campaign) as a streamed .xlsx, masked. */
export async function exportMissing(
  ctx: AppContext,
  actor: Actor,
  id: string,
  jurisdiction: string,
): Promise<{ stream: Readable; code: string }> {
  const node = await withScope(ctx.db, actor, async (tx) => {
    const campaign = await getCampaign(tx, actor, id);
    return campaignNode(tx, campaign, jurisdiction, 'jurisdiction');
  });
  const stream = await streamWorkbook(
    '未采样人员',
    COLUMNS,
    missingPages(ctx, actor, id, node.code),
    (error) => ctx.log.warn({ err: error }, 'campaign missing-list export stopped'),
  );
  return { stream, code: node.code };
}
