import { type Static, Type } from 'typebox';
import { DateTime } from './common.js';

/** The "four types" boarding check (ARR-13): the facts given and the judgement; nothing is stored. */
export const BOARDING_REASONS = [
  'confirmed',
  'suspected',
  'close_contact',
  'fever',
  'nat_missing',
  'nat_expired',
  'nat_after_boarding',
] as const;

export const BoardingBody = Type.Object(
  {
    confirmed: Type.Boolean(),
    suspected: Type.Boolean(),
    closeContact: Type.Boolean(),
    fever: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
    temperatureC: Type.Optional(Type.Union([Type.Number({ minimum: 30, maximum: 45 }), Type.Null()])),
    negativeNatAt: Type.Union([DateTime, Type.Null()]),
    boardingAt: DateTime,
  },
  { additionalProperties: false },
);

export const BoardingResultView = Type.Object({
  allowed: Type.Boolean(),
  reasons: Type.Array(
    Type.Object({
      code: Type.Enum(BOARDING_REASONS),
      zh: Type.String(),
      en: Type.String(),
      rule: Type.String(),
    }),
  ),
  /** The last moment the certificate shown is good for boarding. */
  natValidUntil: Type.Union([Type.String(), Type.Null()]),
  /** The zone the times are shown in (the checkpoint's jurisdiction). */
  timeZone: Type.String(),
});

export type BoardingFacts = Static<typeof BoardingBody>;
export type BoardingResult = Static<typeof BoardingResultView>;
