import { Type } from 'typebox';
import { RowErrorSchema } from '../../api/bulk.js';
import { SafeText, Uuid } from '../../api/common.js';

/** At most this many results or barcodes per JSON request; files take more. */
export const MAX_ITEMS = 5000;

const Ct = Type.Number({ minimum: 0, maximum: 60 });
/** A tube barcode as sampling prints it (src/rules/tubeBarcode.ts), any case, blanks around allowed. */
const Barcode = Type.String({ pattern: '^\\s*[A-Za-z0-9-]{6,32}\\s*$', maxLength: 40 });

export const ResultsBody = Type.Object(
  {
    labId: Uuid,
    results: Type.Array(
      Type.Object(
        {
          barcode: Barcode,
          result: Type.Union([Type.Literal('negative'), Type.Literal('positive'), Type.Literal('invalid')]),
          testedAt: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
          ct: Type.Optional(
            Type.Object({ orf1ab: Type.Optional(Ct), n: Type.Optional(Ct) }, { additionalProperties: false }),
          ),
          reference: Type.Optional(SafeText(60)),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_ITEMS },
    ),
  },
  { additionalProperties: false },
);

export const ReceiptsBody = Type.Object(
  {
    labId: Uuid,
    barcodes: Type.Array(Barcode, { minItems: 1, maxItems: MAX_ITEMS }),
  },
  { additionalProperties: false },
);

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
      kind: Type.String(),
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

export const ReceiptReportSchema = Type.Object({
  received: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  sealed: Type.Integer(),
  errors: Type.Array(RowErrorSchema),
});

const LabRow = Type.Object({
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
  labs: Type.Array(LabRow),
  unreceived: Type.Object({ count: Type.Integer(), dueSoon: Type.Integer(), overdue: Type.Integer() }),
});

export const OverdueSchema = Type.Object({
  labId: Type.String(),
  name: Type.String(),
  items: Type.Array(
    Type.Object({
      barcode: Type.String(),
      category: Type.String(),
      memberCount: Type.Integer(),
      openedAt: Type.String(),
      dueAt: Type.String(),
      receivedAt: Type.Union([Type.String(), Type.Null()]),
      jurisdictionCode: Type.String(),
    }),
  ),
});

export const PositiveTube = Type.Object({
  barcode: Type.String(),
  jurisdictionCode: Type.String(),
  labId: Type.Union([Type.String(), Type.Null()]),
  memberCount: Type.Integer(),
  resultedAt: Type.String(),
  openControls: Type.Integer(),
});
