import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { DEMO_COUNTY, type DemoPlace, demoPeople, seededRandom } from '../../src/modules/demo/index.js';
import type { PersonFields } from '../../src/modules/persons/index.js';
import {
  ID_TYPE_LABELS,
  keyGroupLabels,
  LEDGER_COLUMNS,
  SEALED_COLUMNS,
  SEX_LABELS,
  type SealedPerson,
} from '../../src/modules/persons/index.js';
import type { AppContext } from '../../src/platform/context.js';

/** The grids of the demo county, where the generated residents live. */
export async function demoGrids(ctx: AppContext): Promise<DemoPlace[]> {
  return ctx.db.query<DemoPlace>(
    `SELECT g.code, v.name || g.name AS name FROM jurisdictions g JOIN jurisdictions v ON v.code = g.parent_code
     WHERE g.level = 'grid' AND g.code ^@ $1 ORDER BY g.code`,
    [DEMO_COUNTY],
  );
}

/** `count` synthetic residents with valid GB 11643 ID numbers (a different seed from the demo's). */
export function ledgerPeople(places: readonly DemoPlace[], count: number): PersonFields[] {
  return [...demoPeople(seededRandom(20200123), places, count, DEMO_COUNTY)];
}

/** One ledger row as a person keeps it: Chinese labels, dates as YYYY-MM-DD, phones as text. */
function ledgerRow(p: PersonFields): string[] {
  const cells: Record<(typeof LEDGER_COLUMNS)[number]['field'], string> = {
    name: p.name,
    idType: ID_TYPE_LABELS[p.idType],
    idNumber: p.idNumber,
    phone: p.phone ?? '',
    sex: p.sex ? SEX_LABELS[p.sex] : '',
    birthDate: p.birthDate ?? '',
    jurisdictionCode: p.jurisdictionCode,
    address: p.address ?? '',
    employer: p.employer ?? '',
    householdCode: p.householdCode ?? '',
    keyGroups: keyGroupLabels(p.keyGroups),
  };
  return LEDGER_COLUMNS.map((column) => cells[column.field]);
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const line of lines) {
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** A ledger .csv as Excel saves it "CSV UTF-8": a BOM, the Chinese header, CRLF line ends. */
export async function writeLedgerCsv(file: string, people: readonly PersonFields[]): Promise<void> {
  function* lines() {
    yield `\uFEFF${LEDGER_COLUMNS.map((c) => c.zh).join(',')}\r\n`;
    for (const p of people) yield `${ledgerRow(p).map(csvCell).join(',')}\r\n`;
  }
  await writeLines(file, lines());
}

/** The same ledger as .xlsx, written with exceljs' streaming writer (shared strings, as Excel does). */
export async function writeLedgerXlsx(file: string, people: readonly PersonFields[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('人员台账');
  sheet.addRow(LEDGER_COLUMNS.map((c) => c.zh)).commit();
  for (const p of people) sheet.addRow(ledgerRow(p)).commit();
  sheet.commit();
  await workbook.commit();
}

/** Sealed persons as header-less CSV for COPY: bytea as \x hex, arrays as literals, NULL unquoted. */
export function sealedCsv(rows: readonly SealedPerson[]): string {
  const cell = (value: SealedPerson[keyof SealedPerson]): string => {
    if (value === null) return '';
    if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
    if (Array.isArray(value)) return `{${value.join(',')}}`;
    return `"${String(value).replaceAll('"', '""')}"`;
  };
  return rows
    .map((row) => SEALED_COLUMNS.map((column) => cell(row[column])).join(','))
    .join('\n')
    .concat('\n');
}
