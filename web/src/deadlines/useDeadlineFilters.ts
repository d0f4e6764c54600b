import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type DeadlineFilter, STATE_FILTERS, type StateFilter } from './api';

export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;
const TEXT_KEYS = ['ruleId', 'ownerRole', 'jurisdiction', 'escalatedTo'] as const;

function positive(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

const isStateFilter = (value: string | null): value is StateFilter =>
  value !== null && STATE_FILTERS.includes(value as StateFilter);

/** The list's filter and page live in the URL, so a shared link shows the same list. */
export function useDeadlineFilters() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const result: DeadlineFilter = {};
    const state = params.get('state');
    if (isStateFilter(state)) result.state = state;
    for (const key of TEXT_KEYS) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    if (params.get('escalatedToMe') === '1') result.escalatedToMe = true;
    if (params.get('ownLevel') === 'true') result.ownLevel = true;
    return result;
  }, [params]);
  const page = positive(params.get('page'), 1);
  const pageSize = positive(params.get('pageSize'), DEFAULT_PAGE_SIZE);

  const write = useCallback(
    (next: DeadlineFilter, nextPage: number, nextPageSize: number) => {
      const search = new URLSearchParams();
      if (next.state && next.state !== 'pending') search.set('state', next.state);
      for (const key of TEXT_KEYS) {
        const value = next[key]?.trim();
        if (value) search.set(key, value);
      }
      if (next.escalatedToMe) search.set('escalatedToMe', '1');
      if (next.ownLevel && next.jurisdiction) search.set('ownLevel', 'true');
      if (nextPage !== 1) search.set('page', String(nextPage));
      if (nextPageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(nextPageSize));
      setParams(search);
    },
    [setParams],
  );
  const setFilter = useCallback((next: DeadlineFilter) => write(next, 1, pageSize), [write, pageSize]);
  const setPage = useCallback(
    (nextPage: number, nextPageSize: number) => write(filter, nextPage, nextPageSize),
    [write, filter],
  );
  return { filter, page, pageSize, setFilter, setPage };
}
