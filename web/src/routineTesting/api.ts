import type { SchedulePage, ScheduleState, SweepResult } from '../../../src/api/routineTesting';
import { api, queryString } from '../api/client';

export type { ScheduleItem, SchedulePage, ScheduleState, SweepResult } from '../../../src/api/routineTesting';
export const SCHEDULE_STATES = ['overdue', 'due', 'ok'] as const satisfies readonly ScheduleState[];

export interface ScheduleFilter {
  jurisdiction?: string | undefined;
  keyGroup?: string | undefined;
  state?: ScheduleState | undefined;
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
