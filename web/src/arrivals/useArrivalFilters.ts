import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ArrivalFilter } from './api';

const FILTER_KEYS = [
  'jurisdiction',
  'channel',
  'status',
  'ruleId',
  'risk',
  'from',
  'to',
] as const satisfies readonly (keyof ArrivalFilter)[];
export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

function positive(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

/** The list's filter and page live in the address bar, so Back returns to the same list. */
export function useArrivalFilters() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const result: ArrivalFilter = {};
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [params]);
  const page = positive(params.get('page'), 1);
  const pageSize = positive(params.get('pageSize'), DEFAULT_PAGE_SIZE);

  const write = useCallback(
    (next: ArrivalFilter, nextPage: number, nextPageSize: number) => {
      const search = new URLSearchParams();
      for (const key of FILTER_KEYS) {
        const value = next[key]?.trim();
        if (value) search.set(key, value);
      }
      if (nextPage !== 1) search.set('page', String(nextPage));
      if (nextPageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(nextPageSize));
      setParams(search);
    },
    [setParams],
  );
  const setFilter = useCallback((next: ArrivalFilter) => write(next, 1, pageSize), [write, pageSize]);
  const setPage = useCallback(
    (nextPage: number, nextPageSize: number) => write(filter, nextPage, nextPageSize),
    [write, filter],
  );
  return { filter, page, pageSize, setFilter, setPage };
}
