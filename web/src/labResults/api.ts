import { api, queryString } from '../api/client';
import { ApiError, toProblem } from '../api/problem';

export type LabResult = 'negative' | 'positive' | 'invalid';

/** A refused row of a request or file: its line (or item number) and the reason in both languages. */
export interface RowError {
  line: number;
  field: string;
  code: string;
  message: string;
  message_zh: string;
}

export interface IngestReport {
  batchId: string;
  rows: number;
  applied: number;
  unchanged: number;
  rejected: number;
  positives: number;
  controlsOpened: number;
  controlsCleared: number;
  errors: RowError[];
  notes: Array<{ barcode: string; kind: string; code: string; arrivalId?: string; item?: string }>;
}

export interface ReceiptReport {
  received: number;
  unchanged: number;
  rejected: number;
  sealed: number;
  errors: RowError[];
}

export interface LabTurnaround {
  labId: string;
  name: string;
  jurisdictionCode: string;
  received: number;
  pending: number;
  dueSoon: number;
  overdue: number;
  resultedToday: number;
  onTimeToday: number;
  lateToday: number;
  positivesToday: number;
}

export interface Board {
  asOf: string;
  today: string;
  labs: LabTurnaround[];
  unreceived: { count: number; dueSoon: number; overdue: number };
}

export interface OverdueTube {
  barcode: string;
  category: string;
  memberCount: number;
  openedAt: string;
  dueAt: string;
  receivedAt: string | null;
}

export interface Task {
  ruleId: string;
  dueAt: string;
  doneAt: string | null;
  cancelledAt: string | null;
}

export interface Control {
  id: string;
  personId: string;
  name: string;
  idNumberMasked: string;
  jurisdictionCode: string;
  reason: 'pool_positive' | 'individual_positive';
  tubeBarcode: string;
  startedAt: string;
  clearedAt: string | null;
  clearedReason: string | null;
  task: Task | null;
}

export interface PositiveTube {
  barcode: string;
  jurisdictionCode: string;
  labId: string | null;
  memberCount: number;
  resultedAt: string;
  openControls: number;
}

export interface TubeDetail {
  barcode: string;
  result: LabResult | null;
  memberCount: number;
  members: Array<{
    personId: string;
    name: string;
    idNumberMasked: string;
    sampledAt: string;
    control: Omit<Control, 'personId' | 'name' | 'idNumberMasked'> | null;
  }>;
}

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

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
  api.get<{ items: OverdueTube[] }>(`/lab-results/overdue${queryString({ labId })}`);
export const getPositives = (labId: string) =>
  api.get<Page<PositiveTube>>(`/lab-results/positives${queryString({ labId, pageSize: 50 })}`);
export const getTube = (barcode: string) => api.get<TubeDetail>(`/tubes/${encodeURIComponent(barcode)}`);
export const listControls = (state: string, page: number) =>
  api.get<Page<Control>>(`/person-controls${queryString({ state, page, pageSize: 20 })}`);
export const getPersonControls = (id: string) =>
  api.get<{ personId: string; open: number; items: Control[] }>(`/persons/${id}/controls`);
export const receiveTubes = (labId: string, barcodes: string[]) =>
  api.post<ReceiptReport>('/lab-results/receipts', { labId, barcodes });
export const postResults = (labId: string, results: Array<{ barcode: string; result: LabResult }>) =>
  api.post<IngestReport>('/lab-results', { labId, results });

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
