import { Type } from 'typebox';
import { LOOK_BACK_DAYS, RESULT_LIMIT, WINDOW_MINUTES } from '../rules/coExposure.js';
import { DateTime, JurisdictionCode, Nullable, Uuid } from './common.js';

/** Co-exposure search (EPI-3): who shared a place and time with a case, or was at a venue. */

const WindowMinutes = Type.Integer({
  minimum: WINDOW_MINUTES.min,
  maximum: WINDOW_MINUTES.max,
  description: `Minutes either side of each visit (default ${WINDOW_MINUTES.default})`,
});
const Limit = Type.Integer({ minimum: RESULT_LIMIT.min, maximum: RESULT_LIMIT.max });

export const CaseCoExposureQuery = Type.Object(
  {
    windowMinutes: Type.Optional(WindowMinutes),
    days: Type.Optional(
      Type.Integer({
        minimum: LOOK_BACK_DAYS.min,
        maximum: LOOK_BACK_DAYS.max,
        description: `Days before the report whose visits are searched (EPI-2, default ${LOOK_BACK_DAYS.default})`,
      }),
    ),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);

export const VenueCoExposureBody = Type.Object(
  {
    venueId: Uuid,
    from: DateTime,
    to: DateTime,
    windowMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: WINDOW_MINUTES.max })),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);

const Source = Type.Union([Type.Literal('check_in'), Type.Literal('checkpoint')]);

export const CoExposureExposureView = Type.Object({
  venueId: Uuid,
  venueName: Type.String(),
  jurisdictionCode: JurisdictionCode,
  caseAt: DateTime,
  at: DateTime,
  source: Source,
});

export const CoExposedView = Type.Object({
  idHash: Type.String({ pattern: '^[0-9a-f]+$', description: 'Opaque handle for POST /api/contacts/batch' }),
  name: Type.String({ description: 'Masked (张*) unless the caller holds person.unmask' }),
  idMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  sharedVisits: Type.Integer(),
  overlapMinutes: Type.Number(),
  closestGapMinutes: Type.Number(),
  firstAt: DateTime,
  lastAt: DateTime,
  exposures: Type.Array(CoExposureExposureView),
  knownPersonId: Nullable(Uuid),
});

export const CaseVisitView = Type.Object({
  kind: Type.Union([Type.Literal('venue'), Type.Literal('checkpoint')]),
  venueId: Uuid,
  venueName: Type.String(),
  jurisdictionCode: JurisdictionCode,
  at: DateTime,
});

export const CaseCoExposureView = Type.Object({
  caseId: Uuid,
  from: DateTime,
  to: DateTime,
  windowMinutes: Type.Integer(),
  stayMinutes: Type.Integer({ description: 'The stay assumed for the overlap (本地口径, EPI-3)' }),
  visits: Type.Array(CaseVisitView),
  items: Type.Array(CoExposedView),
});

export const VenueCoExposureView = Type.Object({
  venueId: Uuid,
  venueName: Type.String(),
  from: DateTime,
  to: DateTime,
  stayMinutes: Type.Integer(),
  items: Type.Array(CoExposedView),
});
