import { api, queryString } from '../api/client';

export type ScheduleState = 'due' | 'overdue' | 'ok';
export const SCHEDULE_STATES: readonly ScheduleState[] = ['overdue', 'due', 'ok'];

/** One key-group person's routine testing (GET /api/routine-testing/schedule, TST-4). */
export interface ScheduleItem {
  personId: string;
  name: string;
  jurisdictionCode: string;
  keyGroup: string;
  times: number;
  perDays: number;
  allocation: 'working_day_share' | null;
  /** Weekday slot for a working-day share: 0 = Monday … 4 = Friday. */
  slot: number | null;
  /** Working-day slots of the share (5 = 20% a day), for a share allocation. */
  slots: number | null;
  department: { zh: string; en: string };
  lastTest: string | null;
  nextDue: string;
  state: ScheduleState;
}

export interface ScheduleFilter {
  jurisdiction?: string | undefined;
  keyGroup?: string | undefined;
  state?: ScheduleState | undefined;
}

export interface SchedulePage {
  items: ScheduleItem[];
  total: number;
  page: number;
  pageSize: number;
  today: string;
}

export interface SweepResult {
  opened: number;
  superseded: number;
  today: string;
}

export const routineKeys = {
  all: ['routineTesting'] as const,
  schedule: (filter: ScheduleFilter, page: number, pageSize: number) =>
    ['routineTesting', 'schedule', filter, page, pageSize] as const,
};

export const fetchSchedule = (filter: ScheduleFilter, page: number, pageSize: number) =>
  api.get<SchedulePage>(`/routine-testing/schedule${queryString({ ...filter, page, pageSize })}`);

export const sweepNow = (jurisdiction?: string) =>
  api.post<SweepResult>('/routine-testing/sweep', jurisdiction ? { jurisdiction } : {});
