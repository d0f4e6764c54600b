import { type Static, Type } from 'typebox';
import { Page } from './common.js';

/** The append-only audit log as the API sends it. */
const Snapshot = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]);
const Words = Type.Object({ zh: Type.String(), en: Type.String() });

export const AuditEntryView = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  action: Type.String(),
  /** The action in words (src/platform/audit/actionLabels.ts); pages show these, not the code. */
  actionText: Words,
  entity: Type.String(),
  entityText: Words,
  entityId: Type.Union([Type.String(), Type.Null()]),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.Union([Type.String(), Type.Null()]),
  before: Snapshot,
  after: Snapshot,
  detail: Snapshot,
});
export const AuditPage = Page(AuditEntryView);

/** The actions and object types the log records, in words, for the page's filters. */
const Labelled = Type.Array(Type.Object({ code: Type.String(), text: Words }));
export const AuditVocabulary = Type.Object({ actions: Labelled, entities: Labelled });

export type AuditEntry = Static<typeof AuditEntryView>;
export type AuditPage = Static<typeof AuditPage>;
export type AuditVocabulary = Static<typeof AuditVocabulary>;
