import type {
  Board,
  Control,
  ControlPage,
  CorrectionReport,
  IngestReport,
  LabResult,
  OverdueList,
  PersonControls,
  PositivePage,
  ReceiptReport,
  TubeDetail,
} from '../../../src/api/labResults';
import { api, queryString } from '../api/client';
import { ApiError, toProblem } from '../api/problem';

export type {
  Board,
  Control,
  CorrectionReport,
  IngestReport,
  LabResult,
  LabTurnaround,
  OverdueTube,
  PositiveTube,
  ReceiptReport,
  RowError,
  Task,
  TubeDetail,
} from '../../../src/api/labResults';

/** People under control (TST-1): by state, and as a dashboard figure opens them, by place and reason. */
export interface ControlFilter {
  state: 'open' | 'cleared' | 'all';
  jurisdiction?: string | undefined;
  reason?: Control['reason'] | undefined;
}

/** Positive tubes of one lab, or as a dashboard figure opens them: by place, result days and kind. */
export interface PositiveFilter {
  labId?: string | undefined;
  jurisdiction?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  kind?: 'pool' | 'single' | undefined;
}

export const labKeys = {
  board: ['lab-results', 'board'] as const,
  boardIn: (jurisdiction: string) => ['lab-results', 'board', jurisdiction] as const,
  overdue: (labId: string) => ['lab-results', 'overdue', labId] as const,
  overdueIn: (jurisdiction: string | undefined) => ['lab-results', 'overdue-in', jurisdiction ?? ''] as const,
  positives: (filter: PositiveFilter) => ['lab-results', 'positives', filter] as const,
  tube: (barcode: string) => ['lab-results', 'tube', barcode] as const,
  controls: (filter: ControlFilter, page: number) => ['person-controls', filter, page] as const,
  personControls: (id: string) => ['person-controls', 'person', id] as const,
};

export const getBoard = (jurisdiction?: string) =>
  api.get<Board>(`/lab-results/turnaround${queryString({ jurisdiction })}`);
export const getOverdue = (labId: string) =>
  api.get<OverdueList>(`/lab-results/overdue${queryString({ labId })}`);
/** The overdue tubes sampled in a jurisdiction (the caller's whole scope when none), whatever lab has them. */
export const getOverdueIn = (jurisdiction: string | undefined) =>
  api.get<OverdueList>(`/lab-results/overdue${queryString({ jurisdiction })}`);
export const getPositives = (filter: PositiveFilter) =>
  api.get<PositivePage>(`/lab-results/positives${queryString({ ...filter, pageSize: 50 })}`);
export const getTube = (barcode: string) => api.get<TubeDetail>(`/tubes/${encodeURIComponent(barcode)}`);
export const listControls = (filter: ControlFilter, page: number) =>
  api.get<ControlPage>(`/person-controls${queryString({ ...filter, page, pageSize: 20 })}`);
export const getPersonControls = (id: string) => api.get<PersonControls>(`/persons/${id}/controls`);
export const receiveTubes = (labId: string, barcodes: string[]) =>
  api.post<ReceiptReport>('/lab-results/receipts', { labId, barcodes });
export const postResults = (labId: string, results: Array<{ barcode: string; result: LabResult }>) =>
  api.post<IngestReport>('/lab-results', { labId, results });
export const correctResult = (body: { barcode: string; result: LabResult; reason: string }) =>
  api.post<CorrectionReport>('/lab-results/corrections', body);

/** Sends a result sheet; the whole file is applied in one transaction. */
export async function importResults(labId: string, file: File): Promise<IngestReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(`/api/lab-results/import${queryString({ labId })}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    body: form,
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(toProblem(response.status, body, response.statusText));
  return body as IngestReport;
}
