import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { SCHEDULE_STATES, type ScheduleFilter, type ScheduleState } from './api';

const DEFAULT_PAGE_SIZE = 20;

function positive(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

const isState = (value: string | null): value is ScheduleState =>
  value !== null && SCHEDULE_STATES.includes(value as ScheduleState);

/** Filters and page live in the URL, so a shared link shows the same list. */
export function useRoutineFilters() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<ScheduleFilter>(() => {
    const state = params.get('state');
    return {
      jurisdiction: params.get('jurisdiction') || undefined,
      keyGroup: params.get('keyGroup') || undefined,
      state: isState(state) ? state : undefined,
    };
  }, [params]);
  const page = positive(params.get('page'), 1);
  const pageSize = positive(params.get('pageSize'), DEFAULT_PAGE_SIZE);

  const write = useCallback(
    (next: ScheduleFilter, nextPage: number, nextPageSize: number) => {
      const search = new URLSearchParams();
      if (next.jurisdiction) search.set('jurisdiction', next.jurisdiction);
      if (next.keyGroup) search.set('keyGroup', next.keyGroup);
      if (next.state) search.set('state', next.state);
      if (nextPage !== 1) search.set('page', String(nextPage));
      if (nextPageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(nextPageSize));
      setParams(search);
    },
    [setParams],
  );
  const setFilter = useCallback(
    (patch: Partial<ScheduleFilter>) => write({ ...filter, ...patch }, 1, pageSize),
    [write, filter, pageSize],
  );
  const reset = useCallback(() => write({}, 1, pageSize), [write, pageSize]);
  const setPage = useCallback(
    (nextPage: number, nextPageSize: number) => write(filter, nextPage, nextPageSize),
    [write, filter],
  );
  return { filter, page, pageSize, setFilter, reset, setPage };
}
