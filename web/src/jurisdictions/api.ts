import type { Jurisdiction, JurisdictionDetail } from '../../../src/api/jurisdictions';
import { api, queryString } from '../api/client';

export const LEVELS = ['province', 'city', 'county', 'town', 'village', 'grid'] as const;
export type Level = (typeof LEVELS)[number];

export type { Jurisdiction, JurisdictionDetail } from '../../../src/api/jurisdictions';

export function isLevel(value: string): value is Level {
  return LEVELS.includes(value as Level);
}

/** Grids (网格) are added under villages and communities only (CMD-1). */
export const canHoldGrids = (node: Pick<Jurisdiction, 'level'>) => node.level === 'village';

export const jurisdictionKeys = {
  children: (parent: string | null) => ['jurisdictions', 'children', parent ?? ''] as const,
  detail: (code: string) => ['jurisdictions', 'detail', code] as const,
  search: (q: string) => ['jurisdictions', 'search', q] as const,
};

/** The top nodes of the user's scopes when `parent` is null, else the children of `parent`. */
export const fetchChildren = (parent: string | null) =>
  api.get<Jurisdiction[]>(`/jurisdictions${queryString({ parent })}`);

export const fetchJurisdiction = (code: string) =>
  api.get<JurisdictionDetail>(`/jurisdictions/${encodeURIComponent(code)}`);

export const searchJurisdictions = (q: string, limit = 30) =>
  api.get<Jurisdiction[]>(`/jurisdictions/search${queryString({ q, limit })}`);

export const createGrid = (parentCode: string, name: string) =>
  api.post<Jurisdiction>(`/jurisdictions/${encodeURIComponent(parentCode)}/grids`, { name });
