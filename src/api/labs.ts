import { type Static, Type } from 'typebox';
import { IsoDate, SafeText } from './common.js';

/** Labs, capacity targets and QC records as the API sends them (TST-9, TST-10). */
export const LAB_KINDS = ['cdc', 'hospital', 'third_party', 'customs'] as const;
export const QC_KINDS = ['internal_qc', 'external_eqa', 'dual_reagent', 'biosafety'] as const;
export const LabKind = Type.Enum(LAB_KINDS);
export const QcKind = Type.Enum(QC_KINDS);
export const TargetState = Type.Enum(['met', 'not_met', 'overdue']);

const Count = Type.Integer({ minimum: 0, maximum: 100_000_000 });
export const LabFields = Type.Object({
  name: SafeText(100, { minLength: 1 }),
  kind: LabKind,
  instruments: Type.Integer({ minimum: 0, maximum: 10_000 }),
  tubesPerInstrumentHour: Type.Integer({ minimum: 0, maximum: 10_000 }),
  reagentPhysicalTests: Count,
  reagentContractedTests: Count,
  active: Type.Boolean(),
});

export const LabView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  ...LabFields.properties,
  name: Type.String(),
  version: Type.Integer(),
  tubesPerDay: Type.Integer(),
});

export const TargetView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  dueDate: IsoDate,
  personsPerDay: Type.Integer(),
  sourceText: Type.String(),
});

export const CapacityView = Type.Object({
  jurisdictionCode: Type.String(),
  labs: Type.Integer(),
  tubesPerDay: Type.Integer(),
  poolSize: Type.Integer(),
  personsPerDay: Type.Integer(),
  reagentPhysicalTests: Type.Integer(),
  reagentContractedTests: Type.Integer(),
  targets: Type.Array(Type.Object({ ...TargetView.properties, state: TargetState })),
});

export const QcOutcome = Type.Enum(['pass', 'fail']);
export const QcView = Type.Object({
  id: Type.String(),
  labId: Type.String(),
  jurisdictionCode: Type.String(),
  qcDate: IsoDate,
  kind: QcKind,
  outcome: QcOutcome,
  notes: Type.Union([Type.String(), Type.Null()]),
});

export type LabKind = Static<typeof LabKind>;
export type QcKind = Static<typeof QcKind>;
export type TargetState = Static<typeof TargetState>;
export type LabFields = Static<typeof LabFields>;
export type Lab = Static<typeof LabView>;
export type CapacityTarget = Static<typeof TargetView>;
export type CapacityView = Static<typeof CapacityView>;
export type QcRecord = Static<typeof QcView>;
