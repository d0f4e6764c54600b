import type {
  Assignment,
  Assignments,
  ImpactPreview,
  ImpactRequest,
  ImpactResult,
  PackDetail,
  PackError,
  PackSummary,
} from '../../../src/api/policy';
import { api, queryString } from '../api/client';
import { ProblemWithBody, requestKeepingProblem } from '../arrivals/requestKeepingProblem';

export type {
  Assignment,
  Assignments,
  ImpactPreview,
  ImpactRequest,
  ImpactResult,
  PackDetail,
  PackError,
  PackSummary,
  PlanChange,
} from '../../../src/api/policy';

export const policyKeys = {
  packs: ['policy', 'packs'] as const,
  pack: (id: string, version: string) => ['policy', 'pack', id, version] as const,
  assignments: (jurisdiction: string) => ['policy', 'assignments', jurisdiction] as const,
};

const path = (id: string, version: string) =>
  `/policy/packs/${encodeURIComponent(id)}/${encodeURIComponent(version)}`;

export const fetchPacks = () => api.get<PackSummary[]>('/policy/packs');
export const fetchPack = (id: string, version: string) => api.get<PackDetail>(path(id, version));
export const fetchAssignments = (jurisdiction: string) =>
  api.get<Assignments>(`/policy/assignments${queryString({ jurisdiction })}`);
export const loadPack = (yaml: string) =>
  requestKeepingProblem<PackSummary>('POST', '/policy/packs', { yaml });
export const assignPack = (code: string, packId: string, version: string) =>
  api.put<Assignment>(`/policy/assignments/${encodeURIComponent(code)}`, { packId, version });
export const previewImpact = (request: ImpactRequest) =>
  api.post<ImpactPreview>('/policy/impact/preview', request);
export const applyImpact = (request: ImpactRequest) =>
  api.post<ImpactResult>('/policy/impact/apply', request);

function isPackError(value: unknown): value is PackError {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const message = record.message as Record<string, unknown> | undefined;
  return typeof record.path === 'string' && typeof message?.zh === 'string' && typeof message.en === 'string';
}

/** The `packErrors` of a refused load, or [] for every other failure. */
export function packErrorsOf(error: unknown): PackError[] {
  if (!(error instanceof ProblemWithBody)) return [];
  const list = error.body.packErrors;
  return Array.isArray(list) ? list.filter(isPackError) : [];
}

/** "pack@version" keys for selects: versions may hold dots, ids never hold "@". */
export const packKey = (id: string, version: string) => `${id}@${version}`;
export function splitPackKey(key: string): { packId: string; version: string } {
  const at = key.indexOf('@');
  return { packId: key.slice(0, at), version: key.slice(at + 1) };
}
