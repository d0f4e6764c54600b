import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { PositiveFilter } from './api';

export const LAB_TABS = ['receive', 'results', 'board', 'positives', 'overdue', 'correct'] as const;
export type LabTab = (typeof LAB_TABS)[number];
const isTab = (value: string | null): value is LabTab => LAB_TABS.includes(value as LabTab);

/** What a dashboard figure opens the page with: a place, result days and a tube kind. */
export interface LabDrill {
  jurisdiction?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  kind?: PositiveFilter['kind'];
}
const DRILL_KEYS = ['jurisdiction', 'from', 'to', 'kind'] as const;

/** The lab page's tab, chosen lab and drill filters live in the URL, so a dashboard link opens them. */
export function useLabWorkParams() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab');
  const drill = useMemo<LabDrill>(() => {
    const kind = params.get('kind');
    return {
      jurisdiction: params.get('jurisdiction') || undefined,
      from: params.get('from') || undefined,
      to: params.get('to') || undefined,
      kind: kind === 'pool' || kind === 'single' ? kind : undefined,
    };
  }, [params]);
  const update = useCallback(
    (patch: Record<string, string | undefined>) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      }),
    [setParams],
  );
  const clearDrill = useCallback(
    (keys: readonly string[] = DRILL_KEYS) => update(Object.fromEntries(keys.map((key) => [key, undefined]))),
    [update],
  );
  return {
    tab: isTab(tab) ? tab : undefined,
    lab: params.get('lab') ?? undefined,
    drill,
    setTab: (next: LabTab) => update({ tab: next }),
    setLab: (next: string) => update({ lab: next }),
    clearDrill,
  };
}
