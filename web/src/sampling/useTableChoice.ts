import { useCallback, useState } from 'react';
import type { SamplePurpose } from './api';

/** Which site and table this phone samples at, and how: kept across reloads (localStorage). */
export interface TableChoice {
  siteId: string | null;
  tableNo: number;
  /** undefined: the site's single active campaign, if there is exactly one; null: none. */
  campaignId: string | null | undefined;
  poolSize: number;
  purpose: SamplePurpose;
}

const STORAGE_KEY = 'fangkong.sampling.table';
const DEFAULT: TableChoice = {
  siteId: null,
  tableNo: 1,
  campaignId: undefined,
  poolSize: 10,
  purpose: 'campaign',
};

function read(): TableChoice {
  try {
    const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<TableChoice>;
    return { ...DEFAULT, ...stored };
  } catch {
    return DEFAULT;
  }
}

export function useTableChoice() {
  const [choice, setChoice] = useState<TableChoice>(read);
  const update = useCallback((patch: Partial<TableChoice>) => {
    setChoice((current) => {
      const next = { ...current, ...patch };
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Private browsing may refuse storage; the choice then lasts for this page only.
      }
      return next;
    });
  }, []);
  return [choice, update] as const;
}
