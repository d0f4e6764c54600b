import { Type } from 'typebox';
import { SafeText } from '../../api/common.js';
import { ID_TYPES } from '../../rules/idNumber.js';
import { FEEDBACK_MEASURES, VERIFICATIONS } from '../../rules/landing.js';

const DateTime = Type.String({ format: 'date-time', maxLength: 40 });
const OrNull = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));
const TextSchema = Type.Object({ zh: Type.String(), en: Type.String() });

export const LandingCodeParams = Type.Object({
  code: Type.String({ pattern: '^\\d{4}(\\d{2})?$', maxLength: 6 }),
});

/** A landing-code report (ARR-11): flat, so each field error lands on its form field. */
export const ReportBody = Type.Object(
  {
    name: SafeText(50, { minLength: 1 }),
    idType: Type.Optional(Type.Union(ID_TYPES.map((t) => Type.Literal(t)))),
    idNumber: SafeText(30, { minLength: 1 }),
    phone: SafeText(20, { minLength: 1 }),
    origin: Type.Union([Type.Literal('domestic'), Type.Literal('overseas')]),
    originDivisionCode: OrNull(Type.String({ pattern: '^\\d{6}$', maxLength: 6 })),
    originCountry: OrNull(SafeText(60)),
    enteredAt: OrNull(DateTime),
    portIsolationDays: OrNull(Type.Integer({ minimum: 0, maximum: 60 })),
    leftOriginAt: DateTime,
    arrivedAt: DateTime,
    destinationCode: Type.String({ pattern: '^\\d{12}$', maxLength: 12 }),
    address: SafeText(200, { minLength: 1 }),
    homeIsolationConditions: Type.Boolean(),
    negativeNatAt: OrNull(DateTime),
    itineraryStar: Type.Boolean(),
    truckDriver: Type.Boolean(),
  },
  { additionalProperties: false },
);

const ObligationLine = Type.Object({ kind: Type.String(), text: TextSchema });

export const SubmittedView = Type.Object({
  id: Type.String(),
  receipt: Type.String(),
  created: Type.Boolean(),
  submittedAt: Type.String(),
  landing: Type.Object({ code: Type.String(), name: Type.String() }),
  destination: Type.Object({ code: Type.String(), name: Type.String() }),
  person: Type.Object({
    nameMasked: Type.String(),
    idNumberMasked: Type.String(),
    phoneMasked: Type.String(),
  }),
  obligations: Type.Object({
    matched: Type.Boolean(),
    headline: TextSchema,
    lines: Type.Array(ObligationLine),
  }),
});

const VerificationSchema = Type.Union(VERIFICATIONS.map((v) => Type.Literal(v)));
const Measures = Type.Array(Type.Union(FEEDBACK_MEASURES.map((m) => Type.Literal(m))), {
  minItems: 1,
  maxItems: FEEDBACK_MEASURES.length,
});

export const VerifyBody = Type.Object(
  {
    verification: VerificationSchema,
    note: OrNull(SafeText(200)),
    measures: Type.Optional(Measures),
    feedbackNote: OrNull(SafeText(200)),
  },
  { additionalProperties: false },
);

export const FeedbackBody = Type.Object(
  { measures: Measures, note: OrNull(SafeText(200)) },
  { additionalProperties: false },
);

const Counts = {
  received: Type.Integer(),
  verified: Type.Integer(),
  fedBack: Type.Integer(),
  cleared: Type.Integer(),
  backlog: Type.Integer(),
  outstanding: Type.Integer(),
};

export const BoardView = Type.Object({
  date: Type.String(),
  timeZone: Type.String(),
  jurisdictionCode: Type.String(),
  clear: Type.Boolean(),
  total: Type.Object(Counts),
  communities: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.Union([Type.String(), Type.Null()]),
      ...Counts,
      clear: Type.Boolean(),
    }),
  ),
});

export const LandingAreaView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  fullName: Type.String(),
  level: Type.String(),
});
