import { type Static, Type } from 'typebox';
import { RowErrorSchema } from './bulk.js';
import { Page } from './common.js';
import { SampleCategory, TubeResult } from './sampling.js';

/** Lab results, the turnaround board (TST-2) and people under control (TST-1) as the API sends them. */
const Str = Type.String();
const NullStr = Type.Union([Type.String(), Type.Null()]);

export const IngestReportSchema = Type.Object({
  batchId: Type.String(),
  rows: Type.Integer(),
  applied: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  positives: Type.Integer(),
  controlsOpened: Type.Integer(),
  controlsCleared: Type.Integer(),
  errors: Type.Array(RowErrorSchema, { description: 'Rejected rows by line (the first 10,000)' }),
  notes: Type.Array(
    Type.Object({
      barcode: Type.String(),
      kind: Type.Enum(['plan_not_recorded', 'member_out_of_scope']),
      code: Type.String(),
      arrivalId: Type.Optional(Type.String()),
      item: Type.Optional(Type.String()),
    }),
    {
      description:
        'What a result could not do by itself (e.g. an arrival plan that refused it); the result stands',
    },
  ),
});

/** A posted result corrected by an authorised user (TST-3), and what the correction did to people (TST-1). */
export const CorrectionReportSchema = Type.Object({
  barcode: Type.String(),
  previousResult: TubeResult,
  result: TubeResult,
  correctedAt: Type.String(),
  controlsLifted: Type.Integer({ description: 'Controls the wrong positive had opened, now lifted' }),
  tasksCancelled: Type.Integer({
    description: 'Re-sampling and case-report tasks it had opened, now cancelled',
  }),
  controlsOpened: Type.Integer({ description: 'Controls a result corrected to positive opened' }),
  controlsCleared: Type.Integer({ description: 'Pool controls a result corrected to negative cleared' }),
  notes: IngestReportSchema.properties.notes,
});

export const ReceiptReportSchema = Type.Object({
  received: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  sealed: Type.Integer(),
  errors: Type.Array(RowErrorSchema),
});

export const LabTurnaround = Type.Object({
  labId: Type.String(),
  name: Type.String(),
  jurisdictionCode: Type.String(),
  received: Type.Integer({ description: 'Received, no result yet' }),
  pending: Type.Integer(),
  dueSoon: Type.Integer(),
  overdue: Type.Integer(),
  resultedToday: Type.Integer(),
  onTimeToday: Type.Integer(),
  lateToday: Type.Integer(),
  positivesToday: Type.Integer(),
});

export const BoardSchema = Type.Object({
  asOf: Type.String(),
  today: Type.String(),
  labs: Type.Array(LabTurnaround),
  unreceived: Type.Object({ count: Type.Integer(), dueSoon: Type.Integer(), overdue: Type.Integer() }),
});

export const OverdueTube = Type.Object({
  barcode: Type.String(),
  category: SampleCategory,
  memberCount: Type.Integer(),
  openedAt: Type.String(),
  dueAt: Type.String(),
  receivedAt: Type.Union([Type.String(), Type.Null()]),
  jurisdictionCode: Type.String(),
});

/** One lab's overdue tubes, or (labId and name null) those sampled in a jurisdiction, whatever lab has them. */
export const OverdueSchema = Type.Object({
  labId: Type.Union([Type.String(), Type.Null()]),
  name: Type.Union([Type.String(), Type.Null()]),
  /** Every overdue tube, though at most 500 are listed. */
  total: Type.Integer(),
  items: Type.Array(OverdueTube),
});

export const PositiveTube = Type.Object({
  barcode: Type.String(),
  jurisdictionCode: Type.String(),
  labId: Type.Union([Type.String(), Type.Null()]),
  memberCount: Type.Integer(),
  resultedAt: Type.String(),
  openControls: Type.Integer(),
});
export const PositivePage = Page(PositiveTube);
/** A pool (10合1 and the like) or a single-person tube. */
export const TubeKind = Type.Enum(['pool', 'single']);
export const CONTROL_REASONS = ['pool_positive', 'individual_positive'] as const;

/** The re-sampling (TST-1) or case-report (CAS-2) task a control comes with, as the deadline stands. */
export const TaskView = Type.Object({ ruleId: Str, dueAt: Str, doneAt: NullStr, cancelledAt: NullStr });

export const ControlView = Type.Object({
  id: Str,
  personId: Str,
  name: Str,
  idNumberMasked: Str,
  jurisdictionCode: Str,
  reason: Type.Enum(CONTROL_REASONS),
  tubeBarcode: Str,
  startedAt: Str,
  clearedAt: NullStr,
  clearedReason: NullStr,
  task: Type.Union([TaskView, Type.Null()]),
});
export const ControlPage = Page(ControlView);
export const PersonControls = Type.Object({
  personId: Type.String(),
  open: Type.Integer(),
  items: Type.Array(ControlView),
});

export const TubeDetail = Type.Object({
  id: Str,
  barcode: Str,
  jurisdictionCode: Str,
  category: SampleCategory,
  capacity: Type.Integer(),
  memberCount: Type.Integer(),
  openedAt: Str,
  sealedAt: NullStr,
  dueAt: Str,
  labId: NullStr,
  receivedAt: NullStr,
  result: Type.Union([TubeResult, Type.Null()]),
  resultedAt: NullStr,
  members: Type.Array(
    Type.Object({
      personId: Str,
      name: Str,
      idNumberMasked: Str,
      jurisdictionCode: NullStr,
      sampledAt: Str,
      control: Type.Union([Type.Omit(ControlView, ['name', 'idNumberMasked', 'personId']), Type.Null()]),
    }),
  ),
});

export type LabResult = Static<typeof TubeResult>;
export type IngestReport = Static<typeof IngestReportSchema>;
export type ReceiptReport = Static<typeof ReceiptReportSchema>;
export type CorrectionReport = Static<typeof CorrectionReportSchema>;
export type LabTurnaround = Static<typeof LabTurnaround>;
export type Board = Static<typeof BoardSchema>;
export type OverdueTube = Static<typeof OverdueTube>;
export type OverdueList = Static<typeof OverdueSchema>;
export type PositiveTube = Static<typeof PositiveTube>;
export type PositivePage = Static<typeof PositivePage>;
export type Task = Static<typeof TaskView>;
export type Control = Static<typeof ControlView>;
export type ControlPage = Static<typeof ControlPage>;
export type PersonControls = Static<typeof PersonControls>;
export type TubeDetail = Static<typeof TubeDetail>;
export type { RowError } from './bulk.js';
