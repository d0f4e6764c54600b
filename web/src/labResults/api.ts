import type {
  Board,
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

export const labKeys = {
  board: ['lab-results', 'board'] as const,
  overdue: (labId: string) => ['lab-results', 'overdue', labId] as const,
  positives: (labId: string) => ['lab-results', 'positives', labId] as const,
  tube: (barcode: string) => ['lab-results', 'tube', barcode] as const,
  controls: (state: string, page: number) => ['person-controls', state, page] as const,
  personControls: (id: string) => ['person-controls', 'person', id] as const,
};

export const getBoard = () => api.get<Board>('/lab-results/turnaround');
export const getOverdue = (labId: string) =>
  api.get<OverdueList>(`/lab-results/overdue${queryString({ labId })}`);
export const getPositives = (labId: string) =>
  api.get<PositivePage>(`/lab-results/positives${queryString({ labId, pageSize: 50 })}`);
export const getTube = (barcode: string) => api.get<TubeDetail>(`/tubes/${encodeURIComponent(barcode)}`);
export const listControls = (state: string, page: number) =>
  api.get<ControlPage>(`/person-controls${queryString({ state, page, pageSize: 20 })}`);
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
