import type {
  AreaBody,
  AreaImportReport,
  AreaLevel,
  AreaPage,
  Classification,
  OverrideBody,
  RiskArea,
  RiskOverride,
} from '../../../src/api/riskAreas';
import { api, queryString } from '../api/client';
import { ApiError, toProblem } from '../api/problem';

export type {
  AreaBody,
  AreaImportReport,
  AreaLevel,
  AreaPage,
  AreaRowError,
  Classification,
  OverrideBody,
  OverrideLevel,
  RiskArea,
  RiskOverride,
} from '../../../src/api/riskAreas';
export const AREA_LEVELS = ['high', 'medium', 'key_concern', 'low'] as const satisfies readonly AreaLevel[];

export interface AreaFilter {
  level?: AreaLevel;
  code?: string;
  q?: string;
  /** ISO instant; default now. */
  at?: string;
  history?: boolean;
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
