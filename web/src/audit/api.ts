import type { AuditPage } from '../../../src/api/audit';
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

/** Actions and entities the modules record today; the filters also accept any other text. */
export const KNOWN_ACTIONS = [
  'create',
  'update',
  'unmask',
  'import',
  'export',
  'sign_in',
  'sign_in_failed',
  'lockout',
  'exact_search',
  'acknowledge',
] as const;
export const KNOWN_ENTITIES = ['person', 'jurisdiction', 'user', 'privacy_alert'] as const;

export const auditKeys = {
  list: (filter: AuditFilter, page: number, pageSize: number) => ['audit', filter, page, pageSize] as const,
};

export const fetchAudit = (filter: AuditFilter, page: number, pageSize: number) =>
  api.get<AuditPage>(`/audit${queryString({ ...filter, page, pageSize })}`);
