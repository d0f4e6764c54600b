import type { Pack } from '../../../src/rules/policy/types';
import { api, queryString } from '../api/client';
import { ProblemWithBody, requestKeepingProblem } from '../arrivals/requestKeepingProblem';

/** A loaded pack version (GET /api/policy/packs). */
export interface PackSummary {
  id: string;
  version: string;
  titleZh: string;
  titleEn: string;
  authorityZh: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  protocols: number;
  loadedAt: string;
}

export interface PackDetail extends PackSummary {
  content: Pack;
  sourceText: string;
}

export interface Assignment {
  jurisdictionCode: string;
  packId: string;
  packVersion: string;
}

export interface Assignments {
  governing: Assignment | null;
  within: Assignment[];
}

/** One active plan a new version would change (POST /api/policy/impact/preview). */
export interface PlanChange {
  arrivalId: string;
  planId: string;
  personName: string;
  idNumberMasked: string;
  fromVersion: string;
  fromProtocol: string;
  toProtocol: string | null;
  /** "nat@2026-11-30" or "nat@2026-11-30x2" (two reagents). */
  removedTests: string[];
  addedTests: string[];
  endDateBefore: string;
  endDateAfter: string | null;
}

export interface ImpactPreview {
  changes: PlanChange[];
  unchanged: number;
  examined: number;
}

export interface ImpactResult {
  replaced: number;
  unchanged: number;
  examined: number;
}

export interface ImpactRequest {
  packId: string;
  version: string;
  jurisdictionCode: string;
}

/** A problem of a pack that failed validation, with where it is (src/rules/policy/packCheck.ts). */
export interface PackError {
  path: string;
  line?: number;
  message: { zh: string; en: string };
}

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
