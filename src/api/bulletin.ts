import { type Static, Type } from 'typebox';
import { DateTime, IsoDate, JurisdictionCode, Nullable, SafeText, Uuid } from './common.js';

/** Information release (CAS-5): the day's figures, the bulletin's text, press conferences. */

export const BulletinQuery = Type.Object(
  { jurisdiction: JurisdictionCode, date: IsoDate },
  { additionalProperties: false },
);

const ClassFigures = Type.Object({
  new: Type.Integer(),
  fromAsymptomatic: Type.Integer(),
  fromSuspected: Type.Integer(),
  cumulative: Type.Integer(),
  discarded: Type.Integer(),
});
const ByClass = Type.Object({ confirmed: ClassFigures, asymptomatic: ClassFigures, suspected: ClassFigures });

export const DayFiguresView = Type.Object({
  date: IsoDate,
  cases: Type.Object({ local: ByClass, imported: ByClass }),
  inHospital: Type.Integer(),
  inCentralisedIsolation: Type.Integer(),
  underControlAfterPositive: Type.Integer(),
  tubesResulted: Type.Integer(),
  peopleSampled: Type.Integer(),
});

export const ConferenceView = Type.Object({
  id: Uuid,
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  firstCaseAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  heldAt: Nullable(Type.String()),
  place: Nullable(Type.String()),
  spokesperson: Nullable(Type.String()),
  note: Nullable(Type.String()),
  recordedByName: Nullable(Type.String()),
});

export const BulletinView = Type.Object({
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  timeZone: Type.String(),
  day: DayFiguresView,
  previous: DayFiguresView,
  /** The day's release, generated from the figures. */
  text: Type.Object({ zh: Type.String(), en: Type.String() }),
  conferences: Type.Array(ConferenceView),
});

export const ConferenceQuery = Type.Object(
  { jurisdiction: JurisdictionCode },
  { additionalProperties: false },
);
export const ConferenceList = Type.Object({ items: Type.Array(ConferenceView) });

/** A press conference held (CAS-5): when, where, who spoke. */
export const ConferenceBody = Type.Object(
  {
    jurisdictionCode: Type.String({ pattern: '^\\d{6}$', maxLength: 6 }),
    heldAt: DateTime,
    place: SafeText(100, { minLength: 1 }),
    spokesperson: SafeText(100, { minLength: 1 }),
    note: Type.Optional(SafeText(500)),
  },
  { additionalProperties: false },
);

export type BulletinView = Static<typeof BulletinView>;
export type ConferenceView = Static<typeof ConferenceView>;
export type ConferenceInput = Static<typeof ConferenceBody>;
