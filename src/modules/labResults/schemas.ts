import { Type } from 'typebox';
import { SafeText, Uuid } from '../../api/common.js';
import { TubeResult } from '../../api/sampling.js';

/** Request bodies; the responses are the API contract in src/api/labResults.ts. */

/** At most this many results or barcodes per JSON request; files take more. */
const MAX_ITEMS = 5000;

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
          result: TubeResult,
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

/** A correction of a posted result (TST-3): the tube, the right result and why. */
export const CorrectionBody = Type.Object(
  {
    barcode: Barcode,
    result: TubeResult,
    reason: SafeText(500),
  },
  { additionalProperties: false },
);
