import type { Deadline, DeadlinePage, DeadlineSummary } from '../../../src/api/deadlines';
import type { DeadlineState } from '../../../src/rules/deadlines';
import { DEADLINE_STATES } from '../../../src/rules/deadlines';
import { api, queryString } from '../api/client';

export type { Deadline, DeadlinePage, DeadlineSummary, StateCounts } from '../../../src/api/deadlines';

export type { DeadlineState };
export { DEADLINE_STATES };
/** A list filter: one state, or every open item ('pending', the default). */
export type StateFilter = DeadlineState | 'pending';
export const STATE_FILTERS: readonly StateFilter[] = ['pending', ...DEADLINE_STATES];

export interface DeadlineFilter {
  state?: StateFilter;
  ruleId?: string;
  ownerRole?: string;
  jurisdiction?: string;
  escalatedToMe?: boolean;
  /** Overdue items that have climbed to this jurisdiction's level (a dashboard heat cell's list). */
  escalatedTo?: string;
  /** Only items owned at `jurisdiction` itself (a dashboard heat table's own-level row). */
  ownLevel?: boolean;
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
      ownLevel: filter.ownLevel && filter.jurisdiction ? 'true' : undefined,
      page,
      pageSize,
    })}`,
  );

export const fetchDeadlineSummary = (jurisdiction: string | undefined) =>
  api.get<DeadlineSummary>(`/deadlines/summary${queryString({ jurisdiction })}`);

export const markDeadlineDone = (id: string, outcome: string | undefined) =>
  api.post<Deadline>(`/deadlines/${encodeURIComponent(id)}/done`, outcome ? { outcome } : {});
