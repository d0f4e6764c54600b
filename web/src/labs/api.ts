import type {
  CapacityTarget,
  CapacityView,
  Lab,
  LabFields,
  LabKind,
  QcKind,
  QcRecord,
} from '../../../src/api/labs';
import { api, queryString } from '../api/client';

export type {
  CapacityTarget,
  CapacityView,
  Lab,
  LabFields,
  LabKind,
  QcKind,
  QcRecord,
  TargetState,
} from '../../../src/api/labs';
export const LAB_KINDS = ['cdc', 'hospital', 'third_party', 'customs'] as const satisfies readonly LabKind[];
export const QC_KINDS = [
  'internal_qc',
  'external_eqa',
  'dual_reagent',
  'biosafety',
] as const satisfies readonly QcKind[];

/** TST-9: an instrument runs 18 hours a day [004 §19]; the server computes the same figure. */
export const INSTRUMENT_HOURS_PER_DAY = 18;

export type QcInput = Omit<QcRecord, 'id' | 'labId' | 'jurisdictionCode'>;

export const labKeys = {
  all: ['labs'] as const,
  list: (jurisdiction: string | undefined) => ['labs', 'list', jurisdiction ?? ''] as const,
  capacity: (jurisdiction: string, poolSize: number) => ['labs', 'capacity', jurisdiction, poolSize] as const,
  qc: (labId: string) => ['labs', 'qc', labId] as const,
};

export const listLabs = (jurisdiction?: string) => api.get<Lab[]>(`/labs${queryString({ jurisdiction })}`);
export const createLab = (body: LabFields & { jurisdictionCode: string }) => api.post<Lab>('/labs', body);
export const updateLab = (id: string, body: LabFields & { version: number }) =>
  api.put<Lab>(`/labs/${id}`, body);

export const getCapacity = (jurisdiction: string, poolSize: number) =>
  api.get<CapacityView>(`/labs/capacity${queryString({ jurisdiction, poolSize })}`);
export const createTarget = (body: Omit<CapacityTarget, 'id'>) =>
  api.post<CapacityTarget>('/labs/capacity-targets', body);
export const deleteTarget = (code: string, dueDate: string) =>
  api.delete<null>(`/labs/capacity-targets/${encodeURIComponent(code)}/${dueDate}`);

export const listQc = (labId: string) => api.get<QcRecord[]>(`/labs/${labId}/qc`);
export const addQc = (labId: string, body: QcInput) => api.post<QcRecord>(`/labs/${labId}/qc`, body);
