import { type Static, Type } from 'typebox';
import { Page } from './common.js';

/** The append-only audit log as the API sends it. */
const Snapshot = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]);

export const AuditEntryView = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  jurisdictionCode: Type.String(),
  before: Snapshot,
  after: Snapshot,
  detail: Snapshot,
});
export const AuditPage = Page(AuditEntryView);

export type AuditEntry = Static<typeof AuditEntryView>;
export type AuditPage = Static<typeof AuditPage>;
