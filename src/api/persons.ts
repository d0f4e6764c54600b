import { type Static, Type } from 'typebox';

/** Persons as the API sends them: ID number and phone only ever masked. */
export const Sex = Type.Enum(['male', 'female']);

/**
 * The ages a person's birth decade covers today: what a role without the unmask permission sees
 * instead of the birth date (see src/rules/birthBand.ts for why a band, and which).
 */
export const AgeBand = Type.Object({ minAge: Type.Integer(), maxAge: Type.Integer() });

export const PersonView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idType: Type.String(),
  idNumberMasked: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  sex: Type.Union([Sex, Type.Null()]),
  /** Null for a role without the unmask permission, who reads `ageBand` instead. */
  birthDate: Type.Union([Type.String(), Type.Null()]),
  ageBand: Type.Union([AgeBand, Type.Null()]),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  employer: Type.Union([Type.String(), Type.Null()]),
  householdCode: Type.Union([Type.String(), Type.Null()]),
  keyGroups: Type.Array(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** A search page; `totalCapped` is true when the server stopped counting and `total` is a lower bound. */
export const PersonPage = Type.Object({
  items: Type.Array(PersonView),
  total: Type.Integer(),
  totalCapped: Type.Boolean(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

/** A key group (重点人群) a person can be tagged with. */
export const KeyGroupOption = Type.Object({ id: Type.String(), zh: Type.String(), en: Type.String() });

/** The full ID number and phone, shown on request and recorded in the audit log. */
export const UnmaskedPerson = Type.Object({
  idNumber: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
});

/**
 * A user whose exact searches by ID number or phone, or whose unmaskings, went past their limit
 * (`hits` within `windowSeconds`), for administrators to look into and acknowledge.
 */
export const PrivacyAlertKind = Type.Enum(['exact_search_burst', 'unmask_burst']);
export const PrivacyAlert = Type.Object({
  id: Type.String(),
  kind: PrivacyAlertKind,
  jurisdictionCode: Type.String(),
  userId: Type.String(),
  userName: Type.String(),
  hits: Type.Integer(),
  windowSeconds: Type.Integer(),
  raisedAt: Type.String(),
  acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});
export const PrivacyAlertPage = Type.Object({
  items: Type.Array(PrivacyAlert),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

/**
 * A request to hand one of the caller's persons over to another jurisdiction, filed when someone
 * there registered the same ID number (they are not told it was known). Seen only by the holder.
 */
export const HandoverState = Type.Enum(['pending', 'accepted', 'declined']);
export const Handover = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  /** Null once accepted: the person has moved out of the caller's subtree. */
  personName: Type.Union([Type.String(), Type.Null()]),
  idNumberMasked: Type.Union([Type.String(), Type.Null()]),
  ownerCode: Type.String(),
  requestedCode: Type.String(),
  requestedName: Type.Union([Type.String(), Type.Null()]),
  requestedByName: Type.String(),
  requestedAt: Type.String(),
  state: HandoverState,
  decidedByName: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});
export const HandoverPage = Type.Object({
  items: Type.Array(Handover),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export type Sex = Static<typeof Sex>;
export type Handover = Static<typeof Handover>;
export type HandoverState = Static<typeof HandoverState>;
export type HandoverPage = Static<typeof HandoverPage>;
export type PrivacyAlert = Static<typeof PrivacyAlert>;
export type PrivacyAlertKind = Static<typeof PrivacyAlertKind>;
export type PrivacyAlertPage = Static<typeof PrivacyAlertPage>;
export type AgeBand = Static<typeof AgeBand>;
export type Person = Static<typeof PersonView>;
export type PersonPage = Static<typeof PersonPage>;
export type KeyGroupOption = Static<typeof KeyGroupOption>;
export type UnmaskedPerson = Static<typeof UnmaskedPerson>;
