import type { Readable } from 'node:stream';
import type { Actor } from '../../../platform/access/actor.js';
import { firstScope } from '../../../platform/access/scope.js';
import { type SheetColumn, type SheetRow, streamWorkbook } from '../../../platform/bulk/index.js';
import type { AppContext } from '../../../platform/context.js';
import { ageBand } from '../../../rules/birthBand.js';
import type { IdType } from '../../../rules/idNumber.js';
import { inScope } from '../../../rules/roles.js';
import { localDate } from '../../../rules/time.js';
import { guardExactSearch } from '../privacyGuard.js';
import { exactTerms, type PersonFilter, personWhere } from '../search.js';
import { mayUnmask } from '../view.js';
import { fieldLabel, ID_TYPE_LABELS, keyGroupLabels, SEX_LABELS } from './columns.js';
import { afterPerson, auditedExportPages, EXPORT_PAGE } from './exportPages.js';

const column = (key: string, width: number, header = fieldLabel(key)): SheetColumn => ({
  header,
  key,
  width,
});

/**
 * The ledger's columns (ID number and phone masked) plus the jurisdiction's name. A role without
 * the unmask permission gets the age band instead of the birth date, as in the list and the details.
 */
const exportColumns = (unmask: boolean): SheetColumn[] => [
  column('name', 12),
  column('idType', 12),
  column('idNumber', 22),
  column('phone', 14),
  column('sex', 6),
  unmask ? column('birthDate', 12) : column('ageBand', 12, '年龄段'),
  column('jurisdictionCode', 16),
  column('jurisdictionName', 24, '现住址区划名称'),
  column('address', 30),
  column('employer', 24),
  column('householdCode', 12),
  column('keyGroups', 30),
];

interface ExportRow {
  id: string;
  name: string;
  id_type: string;
  id_masked: string;
  phone_masked: string | null;
  sex: 'male' | 'female' | null;
  birth_date: string | null;
  created_on: string;
  jurisdiction_code: string;
  jurisdiction_name: string;
  address: string | null;
  employer: string | null;
  household_code: string | null;
  key_groups: string[];
}

/** One row as the caller may read it; `today` is the local date the ages are counted on. */
function toSheetRow(row: ExportRow, unmask: boolean, today: string): SheetRow {
  const band = unmask ? null : ageBand(row.birth_date, row.created_on, today);
  return {
    name: row.name,
    idType: ID_TYPE_LABELS[row.id_type as IdType] ?? row.id_type,
    idNumber: row.id_masked,
    phone: row.phone_masked,
    sex: row.sex ? SEX_LABELS[row.sex] : null,
    ...(unmask
      ? { birthDate: row.birth_date }
      : { ageBand: band ? `${band.minAge}–${band.maxAge}岁` : null }),
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionName: row.jurisdiction_name,
    address: row.address,
    employer: row.employer,
    householdCode: row.household_code,
    keyGroups: keyGroupLabels(row.key_groups),
  };
}

/**
 * The filter as the audit log keeps it: a searched ID number or phone (also one typed in the search
 * box) only as its keyed hash, like every exact search.
 */
function auditedFilter(ctx: AppContext, filter: PersonFilter): Record<string, string> {
  const terms = exactTerms(ctx, filter);
  const exact = Boolean(terms.idHash || terms.phoneHash);
  const entries = Object.entries(filter).filter(
    (entry): entry is [string, string] =>
      Boolean(entry[1]) && !['idNumber', 'phone'].includes(entry[0]) && !(entry[0] === 'q' && exact),
  );
  const hashes: Array<[string, string]> = [];
  if (terms.idHash) hashes.push(['idHash', terms.idHash.toString('hex')]);
  if (terms.phoneHash) hashes.push(['phoneHash', terms.phoneHash.toString('hex')]);
  return Object.fromEntries([...entries, ...hashes]);
}

/**
 * Pages of the filtered list in the order of GET /persons, each in its own short scoped
 * transaction; the export is audited with its filter and the rows sent when it ends.
 */
function personPages(ctx: AppContext, actor: Actor, filter: PersonFilter): AsyncGenerator<SheetRow[]> {
  const jurisdictionCode =
    filter.jurisdiction && inScope(filter.jurisdiction, actor.scopes)
      ? filter.jurisdiction
      : firstScope(actor.scopes);
  const unmask = mayUnmask(actor);
  const today = localDate(ctx.now(), ctx.config.defaultTimeZone);
  return auditedExportPages<ExportRow>(
    ctx,
    actor,
    (tx, after) => {
      const params: unknown[] = [];
      const where = personWhere(ctx, actor, filter, params) + afterPerson(after, params);
      params.push(ctx.config.defaultTimeZone);
      const zone = `$${params.length}`;
      return tx.query<ExportRow>(
        `SELECT p.id, p.name, p.id_type, p.id_masked, p.phone_masked, p.sex, p.birth_date,
           to_char(p.created_at AT TIME ZONE ${zone}, 'YYYY-MM-DD') AS created_on, p.jurisdiction_code,
           (SELECT j.name FROM jurisdictions j WHERE j.code = p.jurisdiction_code) AS jurisdiction_name,
           p.address, p.employer, p.household_code, p.key_groups
         FROM persons p
         WHERE ${where} ORDER BY p.jurisdiction_code, p.name, p.id LIMIT ${EXPORT_PAGE}`,
        params,
      );
    },
    (row) => ({ jurisdictionCode: row.jurisdiction_code, name: row.name, id: row.id }),
    (row) => toSheetRow(row, unmask, today),
    (rows, complete) => ({
      action: 'export',
      entity: 'person',
      jurisdictionCode,
      detail: { format: 'xlsx', filter: auditedFilter(ctx, filter), rows, complete },
    }),
  );
}

/** The filtered list (the filters of GET /persons) as a streamed .xlsx, ID numbers and phones masked. */
export async function exportPersons(ctx: AppContext, actor: Actor, filter: PersonFilter): Promise<Readable> {
  const terms = exactTerms(ctx, filter);
  if (terms.idHash || terms.phoneHash) await guardExactSearch(ctx, actor, terms);
  return streamWorkbook('人员', exportColumns(mayUnmask(actor)), personPages(ctx, actor, filter), (error) =>
    ctx.log.warn({ err: error }, 'person export stopped'),
  );
}
