import type { AuditPage, AuditVocabulary } from '../../../src/api/audit';
import { api, queryString } from '../api/client';

export type { AuditEntry, AuditPage } from '../../../src/api/audit';

/** Filters of GET /api/audit; `from` and `to` are ISO timestamps, `to` exclusive. */
export interface AuditFilter {
  action?: string;
  entity?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
}

export const auditKeys = {
  list: (filter: AuditFilter, page: number, pageSize: number) => ['audit', filter, page, pageSize] as const,
  vocabulary: ['audit', 'vocabulary'] as const,
};

export const fetchAudit = (filter: AuditFilter, page: number, pageSize: number) =>
  api.get<AuditPage>(`/audit${queryString({ ...filter, page, pageSize })}`);

/** Every action and object type the log records, with its words (the server's registry). */
export const fetchAuditVocabulary = () => api.get<AuditVocabulary>('/audit/vocabulary');
