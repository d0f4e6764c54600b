import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { PersonFilter } from './api';

const FILTER_KEYS = ['q', 'jurisdiction', 'keyGroup'] as const satisfies readonly (keyof PersonFilter)[];
/** Personal identifiers never enter the address bar (history, bookmarks): they ride in history state. */
const PRIVATE_KEYS = ['idNumber', 'phone'] as const satisfies readonly (keyof PersonFilter)[];
type PrivateFilter = Pick<PersonFilter, (typeof PRIVATE_KEYS)[number]>;
export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

function positive(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

/**
 * A whole resident ID number or phone typed into the name box is searched for exactly (as the
 * server does), and moves to the ID number or phone filter so that it stays out of the address bar.
 */
function withExactQuery(filter: PersonFilter): PersonFilter {
  const q = filter.q?.trim() ?? '';
  if (/^\d{17}[\dXx]$/.test(q) && !filter.idNumber) return { ...filter, q: '', idNumber: q.toUpperCase() };
  const phone = q.replace(/[\s()-]/g, '').replace(/^\+?86/, '');
  if (/^(1\d{10}|0\d{9,11})$/.test(phone) && !filter.phone) return { ...filter, q: '', phone };
  return filter;
}

/**
 * The list's filter and page live in the URL, so Back returns to the same search and it can be
 * shared; ID number and phone searches live in history state instead.
 */
export function usePersonFilters() {
  const [params, setParams] = useSearchParams();
  const privateFilter = (useLocation().state as { privateFilter?: PrivateFilter } | null)?.privateFilter;
  const filter = useMemo(() => {
    const result: PersonFilter = { ...privateFilter };
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [params, privateFilter]);
  const page = positive(params.get('page'), 1);
  const pageSize = positive(params.get('pageSize'), DEFAULT_PAGE_SIZE);

  const write = useCallback(
    (given: PersonFilter, nextPage: number, nextPageSize: number) => {
      const next = withExactQuery(given);
      const search = new URLSearchParams();
      for (const key of FILTER_KEYS) {
        const value = next[key]?.trim();
        if (value) search.set(key, value);
      }
      if (nextPage !== 1) search.set('page', String(nextPage));
      if (nextPageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(nextPageSize));
      const hidden: PrivateFilter = {};
      for (const key of PRIVATE_KEYS) {
        const value = next[key]?.trim();
        if (value) hidden[key] = value;
      }
      setParams(search, { state: { privateFilter: hidden } });
    },
    [setParams],
  );

  const setFilter = useCallback((next: PersonFilter) => write(next, 1, pageSize), [write, pageSize]);
  const setPage = useCallback(
    (nextPage: number, nextPageSize: number) => write(filter, nextPage, nextPageSize),
    [write, filter],
  );
  return { filter, page, pageSize, setFilter, setPage };
}
