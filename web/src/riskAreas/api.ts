import { api, queryString } from '../api/client';
import { ApiError, toProblem } from '../api/problem';

export const AREA_LEVELS = ['high', 'medium', 'key_concern', 'low'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];
export type OverrideLevel = 'high' | 'medium';

/** A published risk area as GET /api/risk-areas shows it (ZON-5). */
export interface RiskArea {
  id: string;
  level: AreaLevel;
  divisionCode: string;
  areaName: string;
  provinceName: string | null;
  cityName: string | null;
  districtName: string | null;
  publishedAt: string;
  liftedAt: string | null;
  publisher: string;
  sourceUrl: string | null;
  inForce: boolean;
  createdAt: string;
}

export interface AreaPage {
  items: RiskArea[];
  total: number;
  page: number;
  pageSize: number;
  /** The instant `inForce` refers to. */
  at: string;
}

export interface AreaFilter {
  level?: AreaLevel;
  code?: string;
  q?: string;
  /** ISO instant; default now. */
  at?: string;
  history?: boolean;
}

export interface AreaBody {
  level: AreaLevel;
  divisionCode: string;
  areaName: string | null;
  publishedAt: string;
  liftedAt: string | null;
  publisher: string;
  sourceUrl: string | null;
}

/** ARR-9 whole-division override (全域参照高风险地区管控). */
export interface RiskOverride {
  id: string;
  divisionPrefix: string;
  name: string;
  treatAs: OverrideLevel;
  validFrom: string;
  validUntil: string | null;
  reason: string;
  inForce: boolean;
  createdAt: string;
}

export interface OverrideBody {
  divisionCode: string;
  name: string;
  treatAs: OverrideLevel;
  validFrom: string;
  validUntil: string | null;
  reason: string;
}

export interface Classification {
  code: string;
  at: string;
  originRisk: AreaLevel | null;
  originDistrictRisk: OverrideLevel | null;
  areas: Array<{
    id: string;
    level: AreaLevel;
    areaName: string;
    divisionCode: string;
    relation: 'contains' | 'district';
  }>;
  overrides: Array<{ id: string; name: string; divisionPrefix: string; treatAs: OverrideLevel }>;
}

export interface AreaRowError {
  line: number;
  field: string;
  code: string;
  message: string;
  message_zh: string;
}

export interface AreaImportReport {
  total: number;
  created: number;
  lifted: number;
  unchanged: number;
  rejected: number;
  superseded: number;
  errors: AreaRowError[];
}

export const TEMPLATE_URL = '/api/risk-areas/template';

export const riskAreaKeys = {
  all: ['risk-areas'] as const,
  list: (filter: AreaFilter, page: number, pageSize: number) =>
    ['risk-areas', 'list', filter, page, pageSize] as const,
  overrides: (all: boolean) => ['risk-areas', 'overrides', all] as const,
};

export const fetchAreas = (filter: AreaFilter, page: number, pageSize: number) =>
  api.get<AreaPage>(
    `/risk-areas${queryString({ ...filter, history: filter.history ? 'true' : undefined, page, pageSize })}`,
  );
export const createArea = (body: AreaBody) => api.post<RiskArea>('/risk-areas', body);
export const liftArea = (id: string) => api.post<RiskArea>(`/risk-areas/${encodeURIComponent(id)}/lift`, {});
export const classifyOrigin = (code: string, at?: string) =>
  api.get<Classification>(`/risk-areas/classify${queryString({ code, at })}`);
export const fetchOverrides = (all: boolean) =>
  api.get<RiskOverride[]>(`/risk-area-overrides${queryString({ all: all ? 'true' : undefined })}`);
export const createOverride = (body: OverrideBody) => api.post<RiskOverride>('/risk-area-overrides', body);
export const endOverride = (id: string) =>
  api.post<RiskOverride>(`/risk-area-overrides/${encodeURIComponent(id)}/end`, {});

/** Sends a list of published areas as multipart/form-data (field `file`); the files are small. */
export async function uploadAreas(file: File): Promise<AreaImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch('/api/risk-areas/import', {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!response.ok) throw new ApiError(toProblem(response.status, body, response.statusText));
  return body as AreaImportReport;
}
