import type { DeadlineState } from '../../../src/rules/deadlines';
import { DEADLINE_STATES } from '../../../src/rules/deadlines';
import { api, queryString } from '../api/client';

export type { DeadlineState };
export { DEADLINE_STATES };
/** A list filter: one state, or every open item ('pending', the default). */
export type StateFilter = DeadlineState | 'pending';
export const STATE_FILTERS: readonly StateFilter[] = ['pending', ...DEADLINE_STATES];

/** An obligation as GET /api/deadlines shows it, judged at the moment of the request. */
export interface Deadline {
  id: string;
  ruleId: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  personId: string | null;
  jurisdictionCode: string;
  jurisdictionName: string;
  ownerRole: string;
  title: { zh: string; en: string };
  openedAt: string;
  dueAt: string;
  doneAt: string | null;
  doneBy: string | null;
  outcome: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  state: DeadlineState;
  overdueMinutes: number;
  escalationLevel: number;
  escalatedTo: string | null;
  escalatedToName: string | null;
}

export interface DeadlineFilter {
  state?: StateFilter;
  ruleId?: string;
  ownerRole?: string;
  jurisdiction?: string;
  escalatedToMe?: boolean;
}

export interface DeadlinePage {
  items: Deadline[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export type StateCounts = Record<DeadlineState, number>;

export interface DeadlineSummary {
  counts: StateCounts;
  escalatedToMe: number;
  byRule: Array<{ ruleId: string; counts: StateCounts }>;
  closedSince: string;
}

export const deadlineKeys = {
  all: ['deadlines'] as const,
  list: (filter: DeadlineFilter, page: number, pageSize: number) =>
    ['deadlines', 'list', filter, page, pageSize] as const,
  summary: (jurisdiction: string | undefined) => ['deadlines', 'summary', jurisdiction] as const,
};

export const fetchDeadlines = (filter: DeadlineFilter, page: number, pageSize: number) =>
  api.get<DeadlinePage>(
    `/deadlines${queryString({
      ...filter,
      escalatedToMe: filter.escalatedToMe ? 'true' : undefined,
      page,
      pageSize,
    })}`,
  );

export const fetchDeadlineSummary = (jurisdiction: string | undefined) =>
  api.get<DeadlineSummary>(`/deadlines/summary${queryString({ jurisdiction })}`);

export const markDeadlineDone = (id: string, outcome: string | undefined) =>
  api.post<Deadline>(`/deadlines/${encodeURIComponent(id)}/done`, outcome ? { outcome } : {});
