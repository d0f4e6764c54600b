import type { MyWorkCount, MyWorkPage, WorkCall } from '../../../src/api/work';
import { api } from '../api/client';

export type { MyWorkItem } from '../../../src/api/work';

/** The work page reads its items in one page of at most this many, most urgent first. */
export const WORK_PAGE_SIZE = 200;

/**
 * Under the deadlines' key: marking an item done (web/src/deadlines) refreshes the deadlines'
 * queries, and so the work list and the header's count with them.
 */
export const workKeys = {
  list: ['deadlines', 'my-work', 'list'] as const,
  count: ['deadlines', 'my-work', 'count'] as const,
};

export const fetchMyWork = () => api.get<MyWorkPage>(`/my-work?pageSize=${WORK_PAGE_SIZE}`);
export const fetchMyWorkCount = () => api.get<MyWorkCount>('/my-work/count');
/** The person's phone for an item whose job is a call; the server audits it as an unmask. */
export const revealCallPhone = (deadlineId: string) =>
  api.post<WorkCall>(`/my-work/${encodeURIComponent(deadlineId)}/call`);
