import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import { INSTRUMENT_HOURS_PER_DAY } from '../../rules/campaignPlan.js';

/** The kinds of lab the `labs` table admits. */
type LabKind = 'cdc' | 'hospital' | 'third_party' | 'customs';

/** What a lab is, as written: its place, name, kind, TST-9 capacity and reagent stock. */
export type LabFields = {
  jurisdictionCode: string;
  name: string;
  kind: LabKind;
  instruments: number;
  tubesPerInstrumentHour: number;
  reagentPhysicalTests: number;
  reagentContractedTests: number;
  active: boolean;
};

/** A lab row as read and returned by its writes. */
export type LabRow = LabFields & {
  id: string;
  version: number;
  /** Tubes a day at 18 instrument hours (TST-9); people = tubes × pool size. */
  tubesPerDay: number;
};

/** The columns of a LabRow, for reads and for the RETURNING of writes (TST-9: 18 hours a day). */
export const LAB_COLUMNS = `id, jurisdiction_code AS "jurisdictionCode", name, kind, instruments,
  tubes_per_instrument_hour AS "tubesPerInstrumentHour", reagent_physical_tests AS "reagentPhysicalTests",
  reagent_contracted_tests AS "reagentContractedTests", active, version,
  instruments * tubes_per_instrument_hour * ${INSTRUMENT_HOURS_PER_DAY} AS "tubesPerDay"`;

/** Inserts a lab and returns it; a name taken in the jurisdiction raises the unique violation (23505). */
/** The columns a lab's form edits, in the order both statements below take them. */
const editableValues = (lab: Omit<LabFields, 'jurisdictionCode'>) => [
  lab.name,
  lab.kind,
  lab.instruments,
  lab.tubesPerInstrumentHour,
  lab.reagentPhysicalTests,
  lab.reagentContractedTests,
  lab.active,
];

export async function insertLab(tx: Queryable, lab: LabFields): Promise<LabRow> {
  const rows = await tx.query<LabRow>(
    `INSERT INTO labs (jurisdiction_code, name, kind, instruments, tubes_per_instrument_hour,
       reagent_physical_tests, reagent_contracted_tests, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${LAB_COLUMNS}`,
    [lab.jurisdictionCode, ...editableValues(lab)],
  );
  return firstRow(rows, 'INSERT INTO labs');
}

/**
 * Updates a lab only if it still has `version` (optimistic concurrency) and bumps it; undefined when
 * another write got there first. A name taken in the jurisdiction raises the unique violation.
 */
export async function updateLabAtVersion(
  tx: Queryable,
  id: string,
  lab: Omit<LabFields, 'jurisdictionCode'>,
  version: number,
): Promise<LabRow | undefined> {
  const [row] = await tx.query<LabRow>(
    `UPDATE labs SET name = $2, kind = $3, instruments = $4, tubes_per_instrument_hour = $5,
       reagent_physical_tests = $6, reagent_contracted_tests = $7, active = $8, version = version + 1,
       updated_at = now()
     WHERE id = $1 AND version = $9 RETURNING ${LAB_COLUMNS}`,
    [id, ...editableValues(lab), version],
  );
  return row;
}

/**
 * Demo data: inserts the two county labs of the lab registry demo (TST-9 capacity and reagent
 * stock), leaving a lab already there by name alone, so that the demo can run again.
 */
export async function insertDemoCountyLabs(tx: Queryable, jurisdictionCode: string): Promise<void> {
  await tx.query(
    `INSERT INTO labs (jurisdiction_code, name, kind, instruments, tubes_per_instrument_hour,
       reagent_physical_tests, reagent_contracted_tests)
     VALUES ($1, '（演示）盘山县疾控中心实验室', 'cdc', 4, 90, 60000, 40000),
            ($1, '（演示）盘山县人民医院检验科', 'hospital', 2, 90, 20000, 10000)
     ON CONFLICT (jurisdiction_code, name) DO NOTHING`,
    [jurisdictionCode],
  );
}

/** Demo data: inserts a CDC lab of 4 instruments at 90 tubes an hour (TST-9) and returns its id. */
export async function insertDemoCdcLab(
  tx: Queryable,
  jurisdictionCode: string,
  name: string,
): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO labs (jurisdiction_code, name, kind, instruments, tubes_per_instrument_hour)
     VALUES ($1, $2, 'cdc', 4, 90) RETURNING id`,
    [jurisdictionCode, name],
  );
  return firstRow(rows, 'INSERT INTO labs').id;
}
